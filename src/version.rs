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

    /// The lowest version a PEP 440 `requires-python` specifier allows (`>=3.9`, `~=3.10`,
    /// `>=3.8,<4`, `==3.12.*`). `None` if it names no lower bound.
    pub fn from_requires_python(spec: &str) -> Option<Self> {
        spec.split(',')
            .filter_map(|clause| {
                let clause = clause.trim();
                let rest = ["~=", ">=", "=="]
                    .iter()
                    .find_map(|op| clause.strip_prefix(op))?;
                let mut parts = rest.trim().split('.');
                let major = parts.next()?.trim().parse().ok()?;
                let minor = parts
                    .next()
                    .map_or(Some(0), |m| m.trim().trim_end_matches('*').parse().ok())?;
                Some(PyVersion::new(major, minor))
            })
            .max()
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
    fn requires_python_lower_bound() {
        assert_eq!(
            PyVersion::from_requires_python(">=3.9"),
            Some(PyVersion::PY39)
        );
        assert_eq!(
            PyVersion::from_requires_python(">=3.8, <4"),
            Some(PyVersion::PY38)
        );
        assert_eq!(
            PyVersion::from_requires_python("~=3.10"),
            Some(PyVersion::PY310)
        );
        assert_eq!(
            PyVersion::from_requires_python("==3.12.*"),
            Some(PyVersion::new(3, 12))
        );
        assert_eq!(PyVersion::from_requires_python("<4"), None);
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
