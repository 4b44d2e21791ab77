//! Editing helpers shared by transforms: statement hoisting into a new block, argument removal,
//! string-aware re-indentation. Every helper returns plain [`Edit`]s over the original text.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_python_trivia::{has_leading_content, indentation_at_offset};
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::edit::Edit;

/// Is `stmt` a compound statement (one with a header and a body)?
pub fn is_compound(stmt: &Stmt) -> bool {
    matches!(
        stmt,
        Stmt::FunctionDef(_)
            | Stmt::ClassDef(_)
            | Stmt::If(_)
            | Stmt::For(_)
            | Stmt::While(_)
            | Stmt::With(_)
            | Stmt::Try(_)
            | Stmt::Match(_)
    )
}

/// Can `stmt` be moved into a new block? It must be a simple statement that has its line(s) to
/// itself: not in a compound header, not `a = 1; b = ...`, not `if x: stmt`.
pub fn check_hoistable(cx: &Checker, stmt: &Stmt) -> Result<(), String> {
    if is_compound(stmt) {
        return Err(
            "it is part of a compound statement's header (`if`, `for`, `while`, `with`, ...)"
                .into(),
        );
    }
    let source = cx.source();
    if has_leading_content(stmt.start(), source) {
        return Err("the statement shares its line with other code".into());
    }
    let after = &source[TextRange::new(stmt.end(), source.line_end(stmt.end()))];
    let after = after.trim_start_matches([' ', '\t', '\x0c']);
    if !(after.is_empty() || after.starts_with('#')) {
        return Err("the statement shares its line with other code".into());
    }
    Ok(())
}

/// The whitespace before `stmt` on its line.
pub fn indentation<'a>(cx: &Checker<'a>, stmt: &impl Ranged) -> &'a str {
    indentation_at_offset(stmt.start(), cx.source()).unwrap_or("")
}

/// The indent unit to nest a new block under `stmt`: the step from the enclosing statement's
/// indentation to `stmt`'s (the local style, so a file mixing tabs and spaces stays
/// consistent), else the file's unit.
pub fn block_unit(cx: &Checker, stmt: &Stmt) -> String {
    let own = indentation(cx, stmt);
    let parent = cx
        .statements()
        .iter()
        .rev()
        .find(|s| s.range().contains_range(stmt.range()) && s.range() != stmt.range());
    if let Some(parent) = parent
        && let Some(step) = own.strip_prefix(indentation(cx, *parent))
        && !step.is_empty()
        && step
            .chars()
            .all(|c| c == step.chars().next().unwrap_or(' '))
    {
        return step.to_string();
    }
    cx.indent_unit().to_string()
}

/// Ranges of string tokens in `range`, with an f-/t-string taken whole (its middle parts and
/// replacement fields). A line start strictly inside one of these must not be re-indented.
pub fn string_ranges(tokens: &[Token], range: TextRange) -> Vec<TextRange> {
    let first = tokens.partition_point(|t| t.end() <= range.start());
    let mut ranges = Vec::new();
    let mut depth = 0usize;
    let mut start = TextSize::default();
    for token in &tokens[first..] {
        if token.start() >= range.end() && depth == 0 {
            break;
        }
        match token.kind() {
            TokenKind::String if depth == 0 => ranges.push(token.range()),
            TokenKind::FStringStart | TokenKind::TStringStart => {
                if depth == 0 {
                    start = token.start();
                }
                depth += 1;
            }
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    ranges.push(TextRange::new(start, token.end()));
                }
            }
            _ => {}
        }
    }
    ranges
}

/// Offsets of the line starts strictly inside `range` that may take extra indentation: not
/// inside a string and not on a blank line.
pub fn reindentable_line_starts(cx: &Checker, range: TextRange) -> Vec<TextSize> {
    let source = cx.source();
    let strings = string_ranges(cx.tokens(), range);
    let text = &source[range];
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        let is_break = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if !is_break || i + 1 >= bytes.len() {
            continue;
        }
        let offset = range.start() + TextSize::try_from(i + 1).expect("file under 4 GiB");
        if strings
            .iter()
            .any(|s| s.start() < offset && offset < s.end())
        {
            continue;
        }
        if matches!(bytes[i + 1], b'\n' | b'\r') {
            continue;
        }
        starts.push(offset);
    }
    starts
}

/// Edits that take `delta` columns of indentation off every continuation line of `range` (the
/// line starts after its first line, not inside strings, not blank), for code that moved left
/// when a wrapper call around it went (`asyncio.run(\n    f(\n        x))` → `await f(\n    x)`).
/// Empty when a line has fewer than `delta` leading spaces (tabs, odd alignment): the code is
/// then left as it was, valid inside brackets either way.
pub fn dedent_continuation(cx: &Checker, range: TextRange, delta: usize) -> Vec<Edit> {
    if delta == 0 {
        return Vec::new();
    }
    let source = cx.source();
    let mut edits = Vec::new();
    for start in reindentable_line_starts(cx, range) {
        let line = &source[usize::from(start)..];
        let spaces = line.bytes().take_while(|&b| b == b' ').count();
        if spaces < delta {
            return Vec::new();
        }
        let width = TextSize::try_from(delta).expect("small");
        edits.push(Edit::deletion(TextRange::at(start, width)));
    }
    edits
}

/// Move `stmt` into a new block:
///
/// ```text
/// <indent><header>:
/// <indent><unit><comment lines>
/// <indent><unit><stmt, with `inner` edits applied, every line indented by one unit>
/// ```
///
/// `inner` are edits inside the statement. Line
/// starts inside strings are never touched, nor those inside a range `inner` replaces. Call
/// [`check_hoistable`] first.
pub fn wrap_in_block(
    cx: &Checker,
    stmt: &Stmt,
    header: &str,
    comment_lines: &[&str],
    inner: Vec<Edit>,
) -> Vec<Edit> {
    let indent = indentation(cx, stmt);
    let unit = &block_unit(cx, stmt);
    let nl = cx.line_ending_at(stmt.start());
    let mut opening = format!("{header}:{nl}{indent}{unit}");
    for comment in comment_lines {
        opening.push_str(comment);
        opening.push_str(nl);
        opening.push_str(indent);
        opening.push_str(unit);
    }
    // The opening goes first: `Fix` keeps the given order of insertions at one offset.
    let mut edits = vec![Edit::insertion(opening, stmt.start())];
    for start in reindentable_line_starts(cx, stmt.range()) {
        if !inner.iter().any(|e| e.start() < start && start < e.end()) {
            edits.push(Edit::insertion(unit.clone(), start));
        }
    }
    edits.extend(inner);
    edits
}

/// Remove the argument at `index` (source order) of a call, keeping commas tidy:
/// `f(a, b, c)` minus `b` is `f(a, c)`; minus `c` is `f(a, b)`; `f(a)` minus `a` is `f()`.
pub fn remove_argument(arguments: &ast::Arguments, index: usize) -> Option<Edit> {
    let ranges: Vec<TextRange> = arguments
        .iter_source_order()
        .map(|arg| arg.range())
        .collect();
    let this = *ranges.get(index)?;
    let range = if ranges.len() == 1 {
        // Everything between the parentheses, including a trailing comma.
        TextRange::new(
            arguments.start() + TextSize::from(1),
            arguments.end() - TextSize::from(1),
        )
    } else if let Some(next) = ranges.get(index + 1) {
        TextRange::new(this.start(), next.start())
    } else {
        TextRange::new(ranges[index - 1].end(), this.end())
    };
    Some(Edit::deletion(range))
}

/// Does `expr` need parentheses to be the operand of `await` (which takes a primary)?
pub fn needs_parens_after_await(expr: &Expr) -> bool {
    !matches!(
        expr,
        Expr::Call(_)
            | Expr::Name(_)
            | Expr::Attribute(_)
            | Expr::Subscript(_)
            | Expr::List(_)
            | Expr::Dict(_)
            | Expr::Set(_)
            | Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::FString(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    ) || matches!(expr, Expr::Tuple(t) if !t.parenthesized)
}

/// Is the expression at `range` (the one being visited) evaluated conditionally, repeatedly or
/// lazily: in a comprehension or lambda, after `and`/`or`, in a branch of `x if c else y`,
/// past the first link of a chained comparison, or in an `assert` message? Moving it, or
/// anything it depends on, before its statement would change when or whether it runs.
pub fn in_conditional_or_deferred_context(cx: &Checker, range: TextRange) -> bool {
    let parents = cx.expression_parents();
    let mut child = range;
    for parent in parents.iter().rev() {
        let conditional = match parent {
            Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_)
            | Expr::Generator(_)
            | Expr::Lambda(_) => true,
            Expr::BoolOp(op) => op.values.first().is_none_or(|first| first.range() != child),
            Expr::If(if_exp) => if_exp.test.range() != child,
            Expr::Compare(compare) => compare
                .comparators
                .iter()
                .skip(1)
                .any(|c| c.range() == child),
            _ => false,
        };
        if conditional {
            return true;
        }
        child = parent.range();
    }
    matches!(cx.current_statement(), Some(Stmt::Assert(assert)) if assert.msg.as_ref().is_some_and(|m| m.range().contains_range(range)))
}

/// Does `expr` contain a `yield` or `yield from`? (A statement that yields must not move into a
/// block whose exit depends on time: the consumer runs while the block is open.)
pub fn contains_yield(expr: &Expr) -> bool {
    let mut found = false;
    let pred = |e: &Expr| matches!(e, Expr::Yield(_) | Expr::YieldFrom(_));
    let mut visitor = AnyNode {
        found: &mut found,
        pred: &pred,
    };
    ruff_python_ast::visitor::source_order::SourceOrderVisitor::visit_expr(&mut visitor, expr);
    found
}

/// Names assigned with `:=` inside `expr`.
pub fn walrus_targets(expr: &Expr) -> Vec<String> {
    struct Collect(Vec<String>);
    impl<'a> ruff_python_ast::visitor::source_order::SourceOrderVisitor<'a> for Collect {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Named(named) = expr
                && let Expr::Name(name) = &*named.target
            {
                self.0.push(name.id.to_string());
            }
            ruff_python_ast::visitor::source_order::walk_expr(self, expr);
        }
    }
    let mut collect = Collect(Vec::new());
    ruff_python_ast::visitor::source_order::SourceOrderVisitor::visit_expr(&mut collect, expr);
    collect.0
}

/// Names read anywhere in `expr`.
pub fn names_in(expr: &Expr) -> Vec<String> {
    struct Collect(Vec<String>);
    impl<'a> ruff_python_ast::visitor::source_order::SourceOrderVisitor<'a> for Collect {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(name) = expr {
                self.0.push(name.id.to_string());
            }
            ruff_python_ast::visitor::source_order::walk_expr(self, expr);
        }
    }
    let mut collect = Collect(Vec::new());
    ruff_python_ast::visitor::source_order::SourceOrderVisitor::visit_expr(&mut collect, expr);
    collect.0
}

/// Does `expr` (or a sub-expression of it) satisfy `pred`?
pub fn any_expr(expr: &Expr, pred: &dyn Fn(&Expr) -> bool) -> bool {
    let mut found = false;
    let mut visitor = AnyNode {
        found: &mut found,
        pred,
    };
    ruff_python_ast::visitor::source_order::SourceOrderVisitor::visit_expr(&mut visitor, expr);
    found
}

/// Does `expr` contain an `await` (not counting `exclude`)?
pub fn contains_await(expr: &Expr, exclude: Option<TextRange>) -> bool {
    let mut found = false;
    let pred = |e: &Expr| matches!(e, Expr::Await(_)) && Some(e.range()) != exclude;
    let mut visitor = AnyNode {
        found: &mut found,
        pred: &pred,
    };
    ruff_python_ast::visitor::source_order::SourceOrderVisitor::visit_expr(&mut visitor, expr);
    found
}

/// Does `expr` contain a call outside `allowed` (ranges whose calls are expected)?
pub fn contains_call_outside(expr: &Expr, allowed: &[TextRange]) -> bool {
    let mut found = false;
    let pred = |e: &Expr| {
        matches!(e, Expr::Call(_)) && !allowed.iter().any(|r| r.contains_range(e.range()))
    };
    let mut visitor = AnyNode {
        found: &mut found,
        pred: &pred,
    };
    ruff_python_ast::visitor::source_order::SourceOrderVisitor::visit_expr(&mut visitor, expr);
    found
}

struct AnyNode<'f, 'p> {
    found: &'f mut bool,
    pred: &'p dyn Fn(&Expr) -> bool,
}

impl<'a> ruff_python_ast::visitor::source_order::SourceOrderVisitor<'a> for AnyNode<'_, '_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if *self.found {
            return;
        }
        if (self.pred)(expr) {
            *self.found = true;
            return;
        }
        ruff_python_ast::visitor::source_order::walk_expr(self, expr);
    }
}

/// The expressions a simple statement evaluates (its value and targets), for scanning.
pub fn statement_expressions(stmt: &Stmt) -> Vec<&Expr> {
    match stmt {
        Stmt::Expr(s) => vec![&s.value],
        Stmt::Assign(s) => s.targets.iter().chain(std::iter::once(&*s.value)).collect(),
        Stmt::AnnAssign(s) => std::iter::once(&*s.target)
            .chain(s.value.as_deref())
            .collect(),
        Stmt::AugAssign(s) => vec![&s.target, &s.value],
        Stmt::Return(s) => s.value.as_deref().into_iter().collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use ruff_python_ast::Expr;
    use ruff_python_parser::parse_expression;

    use super::remove_argument;
    use crate::edit::{Finding, Fix};
    use crate::fix::apply_fixes;

    fn without(source: &str, index: usize) -> String {
        let parsed = parse_expression(source).unwrap();
        let Expr::Call(call) = parsed.expr() else {
            panic!("not a call")
        };
        let edit = remove_argument(&call.arguments, index).unwrap();
        let finding = Finding::new("t", ruff_text_size::Ranged::range(call), "")
            .with_fix(Fix::safe(vec![edit]));
        apply_fixes(source, &[finding], crate::edit::Applicability::Safe).output
    }

    #[test]
    fn argument_removal_keeps_commas_tidy() {
        assert_eq!(without("f(a, b, c)", 0), "f(b, c)");
        assert_eq!(without("f(a, b, c)", 1), "f(a, c)");
        assert_eq!(without("f(a, b, c)", 2), "f(a, b)");
        assert_eq!(without("f(a)", 0), "f()");
        assert_eq!(without("f(a,)", 0), "f()");
        assert_eq!(without("f(a, loop=loop)", 1), "f(a)");
        assert_eq!(without("f(\n    a,\n    loop=x,\n)", 1), "f(\n    a,\n)");
    }
}
