//! Python versions: the target a run rewrites for, and what `sys.version_info` guards allow.

use std::fmt;
use std::str::FromStr;

use ruff_python_ast::{self as ast, CmpOp, Expr, Number};

use crate::imports::Imports;

/// A `major.minor` Python version.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyVersion {
    pub major: u8,
    pub minor: u8,
}

impl PyVersion {
    pub const fn new(major: u8, minor: u8) -> Self {
        Self { major, minor }
    }
    pub const PY37: PyVersion = PyVersion::new(3, 7);
    pub const PY38: PyVersion = PyVersion::new(3, 8);
    pub const PY39: PyVersion = PyVersion::new(3, 9);
    pub const PY310: PyVersion = PyVersion::new(3, 10);
    pub const PY311: PyVersion = PyVersion::new(3, 11);
    pub const PY314: PyVersion = PyVersion::new(3, 14);
    /// The default target when nothing else says.
    pub const DEFAULT: PyVersion = PyVersion::PY311;

    /// The oldest `3.x` a PEP 440 specifier set allows (`>=3.9`, `>3.9` (3.9.1 is allowed),
    /// `!=3.9.*,>=3.8`, `==3.*`, `~=3.10`, `<4`), clamped to the supported py37..py314. Parsed
    /// with `pep440_rs`; a minor counts as allowed when any of its patch releases is.
    pub fn floor_of_specifiers(spec: &str) -> Result<Self, String> {
        use pep440_rs::{Version, VersionSpecifiers};
        let specifiers = VersionSpecifiers::from_str(spec.trim())
            .map_err(|e| format!("`{spec}` is not a PEP 440 version specifier: {e}"))?;
        let allowed = |minor: u64| {
            (0..=40u64).any(|patch| specifiers.contains(&Version::new([3, minor, patch])))
        };
        let minor = (0..=30u64)
            .find(|m| allowed(*m))
            .ok_or_else(|| format!("`{spec}` allows no Python 3 version"))?;
        let version = PyVersion::new(3, u8::try_from(minor).unwrap_or(u8::MAX));
        Ok(version.clamp(PyVersion::PY37, PyVersion::PY314))
    }

    /// The oldest Python a Poetry constraint allows (`^3.9`, `~3.10`, `>=3.8,<4.0`, `3.9`,
    /// `^3.8 || ^3.10`, `*`): each alternative is translated to PEP 440 and the lowest floor
    /// wins.
    pub fn floor_of_poetry(constraint: &str) -> Result<Self, String> {
        let mut floors = Vec::new();
        for alternative in constraint.split("||").flat_map(|a| a.split('|')) {
            let mut clauses = Vec::new();
            for clause in alternative
                .split([',', ' '])
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                clauses.push(poetry_clause(clause)?);
            }
            let spec = clauses.into_iter().flatten().collect::<Vec<_>>().join(",");
            floors.push(if spec.is_empty() {
                PyVersion::PY37
            } else {
                Self::floor_of_specifiers(&spec)?
            });
        }
        floors
            .into_iter()
            .min()
            .ok_or_else(|| format!("`{constraint}` is an empty Poetry constraint"))
    }
}

/// One Poetry version clause as PEP 440 clauses (`None` for `*`).
fn poetry_clause(clause: &str) -> Result<Option<String>, String> {
    let bump = |version: &str, caret: bool| -> Result<String, String> {
        let parts: Vec<u64> = version
            .split('.')
            .map(|p| {
                p.parse()
                    .map_err(|_| format!("`{clause}` is not a Poetry constraint"))
            })
            .collect::<Result<_, _>>()?;
        // `^3.9` -> <4; `^0.2` -> <0.3; `~3.9` / `~3.9.1` -> <3.10; `~3` -> <4.
        let upper = if caret {
            let first = parts
                .iter()
                .position(|p| *p != 0)
                .unwrap_or(parts.len() - 1);
            let mut upper: Vec<u64> = parts[..=first].to_vec();
            upper[first] += 1;
            upper
        } else if parts.len() >= 2 {
            vec![parts[0], parts[1] + 1]
        } else {
            vec![parts[0] + 1]
        };
        let upper: Vec<String> = upper.iter().map(u64::to_string).collect();
        Ok(format!(">={version},<{}", upper.join(".")))
    };
    if clause == "*" {
        Ok(None)
    } else if let Some(version) = clause.strip_prefix('^') {
        bump(version.trim(), true).map(Some)
    } else if let Some(version) = clause.strip_prefix('~').filter(|v| !v.starts_with('=')) {
        bump(version.trim(), false).map(Some)
    } else if clause.starts_with(|c: char| c.is_ascii_digit()) {
        Ok(Some(if clause.ends_with('*') {
            format!("=={clause}")
        } else {
            format!("=={clause}.*")
        }))
    } else {
        Ok(Some(clause.to_string()))
    }
}

impl FromStr for PyVersion {
    type Err = String;
    /// `py311`, `3.11` or `311`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || format!("invalid Python version `{s}` (expected e.g. py311 or 3.11)");
        let digits = s.strip_prefix("py").unwrap_or(s);
        let (major, minor) = match digits.split_once('.') {
            Some((major, minor)) => (major, minor),
            None if digits.len() >= 2 && digits.is_ascii() => digits.split_at(1),
            None => return Err(err()),
        };
        let version = PyVersion::new(
            major.parse().map_err(|_| err())?,
            minor.parse().map_err(|_| err())?,
        );
        if version.major != 3 || version < PyVersion::PY37 || version > PyVersion::PY314 {
            return Err(format!(
                "unsupported Python version `{s}` (supported: py37 to py314)"
            ));
        }
        Ok(version)
    }
}

impl fmt::Display for PyVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// The versions a piece of code can run on: `[lower, upper)`; `None` means unbounded.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionRange {
    pub lower: Option<PyVersion>,
    pub upper: Option<PyVersion>,
}

impl VersionRange {
    pub fn intersect(self, other: VersionRange) -> VersionRange {
        VersionRange {
            lower: self.lower.max(other.lower),
            upper: match (self.upper, other.upper) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }
    /// May code in this range use an API that exists from `min` on, given the run's target?
    pub fn allows(self, target: PyVersion, min: PyVersion) -> bool {
        let lowest = self.lower.map_or(target, |lower| lower.max(target));
        min <= lowest && self.upper.is_none_or(|upper| lowest < upper)
    }
}

/// For `if <test>:`, the version range of the body and of the `else` branch, when `test` is a
/// `sys.version_info < (3, N)` / `>= (3, N)` comparison (also `sys.version_info[:2]`).
pub fn version_guard(test: &Expr, imports: &Imports) -> Option<(VersionRange, VersionRange)> {
    let Expr::Compare(ast::ExprCompare {
        left,
        ops,
        comparators,
        ..
    }) = test
    else {
        return None;
    };
    let ([op], [right]) = (&**ops, &**comparators) else {
        return None;
    };
    let subject = match left.as_ref() {
        Expr::Subscript(sub) => &sub.value,
        other => other,
    };
    if !imports.matches(subject, &["sys", "version_info"]) {
        return None;
    }
    let Expr::Tuple(tuple) = right else {
        return None;
    };
    let mut ints = tuple.iter().map(|elt| match elt {
        Expr::NumberLiteral(ast::ExprNumberLiteral {
            value: Number::Int(i),
            ..
        }) => i.as_u8(),
        _ => None,
    });
    let version = PyVersion::new(ints.next()??, ints.next().unwrap_or(Some(0))?);
    let below = VersionRange {
        lower: None,
        upper: Some(version),
    };
    let at_least = VersionRange {
        lower: Some(version),
        upper: None,
    };
    match op {
        CmpOp::Lt => Some((below, at_least)),
        CmpOp::GtE => Some((at_least, below)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_versions() {
        assert_eq!("py311".parse::<PyVersion>().unwrap(), PyVersion::PY311);
        assert_eq!("3.9".parse::<PyVersion>().unwrap(), PyVersion::PY39);
        assert!("py2".parse::<PyVersion>().is_err());
        assert!("py27".parse::<PyVersion>().is_err());
    }

    #[test]
    fn specifier_floors() {
        let floor = |spec: &str| PyVersion::floor_of_specifiers(spec).unwrap();
        assert_eq!(floor(">=3.9"), PyVersion::PY39);
        assert_eq!(floor(">=3.8, <4"), PyVersion::PY38);
        assert_eq!(floor("~=3.10"), PyVersion::PY310);
        assert_eq!(floor("==3.12.*"), PyVersion::new(3, 12));
        // 3.9.1 > 3.9 under PEP 440, so `>3.9` allows 3.9.
        assert_eq!(floor(">3.9"), PyVersion::PY39);
        assert_eq!(floor(">=3.10"), PyVersion::PY310);
        assert!(PyVersion::floor_of_specifiers(">3.9.*").is_err());
        assert_eq!(floor("!=3.7.*,!=3.8.*,>=3.7"), PyVersion::PY39);
        assert_eq!(floor("==3.*"), PyVersion::PY37);
        assert_eq!(floor("<4"), PyVersion::PY37);
        assert_eq!(floor(">=2.7, !=3.0.*, !=3.1.*"), PyVersion::PY37);
        assert!(PyVersion::floor_of_specifiers("<3").is_err());
        assert!(PyVersion::floor_of_specifiers("python 3").is_err());
    }

    #[test]
    fn poetry_floors() {
        let floor = |spec: &str| PyVersion::floor_of_poetry(spec).unwrap();
        assert_eq!(floor("^3.9"), PyVersion::PY39);
        assert_eq!(floor("~3.10"), PyVersion::PY310);
        assert_eq!(floor(">=3.8,<4.0"), PyVersion::PY38);
        assert_eq!(floor(">=3.8 <4.0"), PyVersion::PY38);
        assert_eq!(floor("3.10"), PyVersion::PY310);
        assert_eq!(floor("3.10.*"), PyVersion::PY310);
        assert_eq!(floor("^3.10 || ^3.8"), PyVersion::PY38);
        assert_eq!(floor("*"), PyVersion::PY37);
        assert!(PyVersion::floor_of_poetry("^banana").is_err());
    }

    #[test]
    fn ranges() {
        let below_311 = VersionRange {
            lower: None,
            upper: Some(PyVersion::PY311),
        };
        assert!(!below_311.allows(PyVersion::PY311, PyVersion::PY311));
        assert!(!below_311.allows(PyVersion::PY38, PyVersion::PY311));
        let at_least_311 = VersionRange {
            lower: Some(PyVersion::PY311),
            upper: None,
        };
        assert!(at_least_311.allows(PyVersion::PY38, PyVersion::PY311));
        assert!(VersionRange::default().allows(PyVersion::PY312_FOR_TEST, PyVersion::PY311));
    }

    impl PyVersion {
        const PY312_FOR_TEST: PyVersion = PyVersion::new(3, 12);
    }
}
