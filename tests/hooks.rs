//! Every transform declares the hooks the traversal calls (`Transform::hooks`), so that it
//! makes no call that returns at once. A declaration that leaves out a hook the code has, or
//! an expression kind the code acts on, would silently lose findings: this test holds each
//! declaration to its transform's source.

use std::path::Path;

use asyncup::registry::{self, ExprKinds};

/// The text of the function `name` in `source` (from its `fn` line to the closing brace at
/// the same indentation), if the file defines it.
fn function_body<'s>(source: &'s str, name: &str) -> Option<&'s str> {
    let start = source.find(&format!("fn {name}<"))?;
    let indent = source[..start].rsplit('\n').next().unwrap_or("").len();
    let close = format!("\n{}}}\n", " ".repeat(indent));
    let end = source[start..].find(&close)? + start;
    Some(&source[start..end])
}

/// The expression kinds `body` (an `on_expr`) filters `expr` on, or `None` when it does not
/// filter (it may act on any kind).
fn kinds_acted_on(body: &str) -> Option<ExprKinds> {
    let kinds = [
        ("Call", ExprKinds::CALL),
        ("Await", ExprKinds::AWAIT),
        ("Name", ExprKinds::NAME),
        ("Attribute", ExprKinds::ATTRIBUTE),
    ];
    // `let Expr::Call(call) = expr else`, `if let Expr::Call(call) = expr`.
    for (variant, kind) in kinds {
        let pattern = format!("Expr::{variant}(");
        if let Some(at) = body.find(&format!("let {pattern}")) {
            let line = body[at..].lines().next().unwrap_or("");
            if line.contains("= expr") {
                return Some(kind);
            }
        }
    }
    // `matches!(expr, Expr::Name(_) | Expr::Attribute(_))` or `match expr { ... }` whose
    // catch-all arm does nothing.
    let filter = if let Some(at) = body.find("matches!(expr,") {
        body[at..]
            .split(')')
            .take(kinds.len() + 1)
            .collect::<Vec<_>>()
            .join(")")
    } else if let Some(at) = body.find("match expr {") {
        let arms = &body[at..];
        let arms = &arms[..arms.find("\n        }").unwrap_or(arms.len())];
        if !arms.contains("_ => {}") {
            return None;
        }
        arms.to_string()
    } else {
        return None;
    };
    let mut found = ExprKinds::NONE;
    for (variant, kind) in kinds {
        if filter.contains(&format!("Expr::{variant}(")) {
            found = found.or(kind);
        }
    }
    Some(found)
}

#[test]
fn every_transform_declares_the_hooks_its_code_has() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("transforms");
    for transform in registry::all() {
        let id = transform.info().id;
        let file = root.join(format!("{}.rs", id.replace('-', "_")));
        let source =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let hooks = transform.hooks();
        assert_eq!(
            hooks.stmt,
            function_body(&source, "on_stmt").is_some(),
            "{id}: hooks().stmt must say whether it has an on_stmt"
        );
        match function_body(&source, "on_expr") {
            None => assert_eq!(hooks.expr, ExprKinds::NONE, "{id}: no on_expr, no kinds"),
            Some(body) => match kinds_acted_on(body) {
                None => assert_eq!(
                    hooks.expr,
                    ExprKinds::ALL,
                    "{id}: its on_expr does not filter on the kind: it must get them all"
                ),
                Some(kinds) => assert_eq!(
                    hooks.expr, kinds,
                    "{id}: hooks().expr must be the kinds its on_expr acts on"
                ),
            },
        }
    }
}

#[test]
fn the_kind_filter_reads_each_spelling() {
    let call = "fn on_expr<'a>(..) {\n        let Expr::Call(call) = expr else { return };\n";
    assert_eq!(kinds_acted_on(call), Some(ExprKinds::CALL));
    let names = "fn on_expr<'a>(..) {\n        if !matches!(expr, Expr::Name(_) | Expr::Attribute(_)) || x {\n";
    assert_eq!(
        kinds_acted_on(names),
        Some(ExprKinds::NAME.or(ExprKinds::ATTRIBUTE))
    );
    let arms = "fn on_expr<'a>(..) {\n        match expr {\n            Expr::Call(c) => a(c),\n            Expr::Await(_) => b(),\n            _ => {}\n        }\n";
    assert_eq!(
        kinds_acted_on(arms),
        Some(ExprKinds::CALL.or(ExprKinds::AWAIT))
    );
    let any = "fn on_expr<'a>(..) {\n        match expr {\n            Expr::Call(c) => a(c),\n            _ => b(),\n        }\n";
    assert_eq!(kinds_acted_on(any), None);
    assert_eq!(
        kinds_acted_on("fn on_expr<'a>(..) {\n        count(expr);\n"),
        None
    );
}
