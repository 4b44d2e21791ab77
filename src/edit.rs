//! Proposed changes as plain data: an [`Edit`] is one text splice, a [`Fix`] is the edits of one
//! finding plus how safe they are, a [`Finding`] is what a transform reports.

use ruff_text_size::{Ranged, TextRange, TextSize};
use serde::Serialize;

/// How safe a fix is. Ordered: `Safe` < `Unsafe` < `DisplayOnly`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Keeps behaviour; applied by `fix`.
    Safe,
    /// Changes behaviour in a way the note names; applied only with `--unsafe-fixes`.
    Unsafe,
    /// Shown to the user, never applied.
    DisplayOnly,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// Replace `range` of the source with `content` (an insertion when the range is empty).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    range: TextRange,
    content: String,
}

impl Edit {
    pub fn replacement(content: impl Into<String>, range: TextRange) -> Self {
        Self {
            range,
            content: content.into(),
        }
    }
    pub fn insertion(content: impl Into<String>, at: TextSize) -> Self {
        Self {
            range: TextRange::empty(at),
            content: content.into(),
        }
    }
    pub fn deletion(range: TextRange) -> Self {
        Self {
            range,
            content: String::new(),
        }
    }
    pub fn content(&self) -> &str {
        &self.content
    }
    pub fn is_insertion(&self) -> bool {
        self.range.is_empty()
    }
}

impl Ord for Edit {
    /// By start, then end, then content: insertions sort before a replacement at the same start.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.range.start(), self.range.end(), &self.content).cmp(&(
            other.range.start(),
            other.range.end(),
            &other.content,
        ))
    }
}

impl PartialOrd for Edit {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ranged for Edit {
    fn range(&self) -> TextRange {
        self.range
    }
}

/// The edits that resolve one finding. Edits are kept sorted and must not overlap each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    edits: Vec<Edit>,
    applicability: Applicability,
    /// What behaviour changes (unsafe fixes) or what the user should know (safe ones).
    note: Option<String>,
    /// Names whose use this fix removed: the engine removes their import afterwards if nothing
    /// else uses them.
    dropped_names: Vec<String>,
    /// Fixes of one transform with the same group are applied together in one pass, or not at
    /// all (a migration whose parts only work together).
    group: Option<u32>,
}

impl Fix {
    /// Edits are ordered by position; insertions at the same offset keep the order the
    /// transform gave them (outer text first: `not ` before `(await `).
    pub fn new(mut edits: Vec<Edit>, applicability: Applicability) -> Self {
        edits.sort_by_key(|edit| (edit.start(), edit.end()));
        edits.dedup();
        debug_assert!(
            edits.windows(2).all(|w| w[0].end() <= w[1].start()),
            "overlapping edits in one fix: {edits:?}"
        );
        Self {
            edits,
            applicability,
            note: None,
            dropped_names: Vec::new(),
            group: None,
        }
    }
    pub fn safe(edits: Vec<Edit>) -> Self {
        Self::new(edits, Applicability::Safe)
    }
    pub fn unsafe_(edits: Vec<Edit>) -> Self {
        Self::new(edits, Applicability::Unsafe)
    }
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
    /// Record that the fix removed a use of `name` (an import binding).
    pub fn dropping(mut self, name: impl Into<String>) -> Self {
        self.dropped_names.push(name.into());
        self
    }
    /// Put the fix in an all-or-nothing group (see [`Fix::group`]).
    pub fn in_group(mut self, group: u32) -> Self {
        self.group = Some(group);
        self
    }
    pub fn group(&self) -> Option<u32> {
        self.group
    }
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }
    pub fn applicability(&self) -> Applicability {
        self.applicability
    }
    /// Change how safe the fix is (`extend-safe-fixes` / `extend-unsafe-fixes`).
    pub fn set_applicability(&mut self, applicability: Applicability) {
        self.applicability = applicability;
    }
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
    pub fn dropped_names(&self) -> &[String] {
        &self.dropped_names
    }
    pub fn min_start(&self) -> Option<TextSize> {
        self.edits.first().map(Ranged::start)
    }
    /// Is this fix applied when the user allows fixes up to `allowed`?
    pub fn applies(&self, allowed: Applicability) -> bool {
        self.applicability != Applicability::DisplayOnly && self.applicability <= allowed
    }
}

/// One anti-pattern found by a transform, with or without a fix.
#[derive(Clone, Debug)]
pub struct Finding {
    pub id: &'static str,
    pub range: TextRange,
    pub message: String,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(id: &'static str, range: TextRange, message: impl Into<String>) -> Self {
        Self {
            id,
            range,
            message: message.into(),
            fix: None,
        }
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

impl Ranged for Finding {
    fn range(&self) -> TextRange {
        self.range
    }
}

impl Finding {
    /// Drop the fix, saying why in the message (`...; no fix: <reason>`).
    pub fn refuse_fix(&mut self, reason: &str) {
        if self.fix.take().is_some() {
            self.message = format!("{}; no fix: {reason}", self.message);
        }
    }
}
