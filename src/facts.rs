//! Facts about a whole module that several transforms need (which functions are `async def`,
//! which helpers call `asyncio.run`, what the module binds), gathered once per file on first
//! use and shared, instead of each transform walking the tree again.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::imports::Imports;

#[derive(Debug, Default)]
pub struct ModuleFacts {
    /// Module-level `def` / `async def`: name → is it `async def`?
    pub functions: HashMap<String, bool>,
    /// Methods: (class, method) → is it `async def`?
    pub methods: HashMap<(String, String), bool>,
    /// Module-level functions (and `Class.method`s) whose own body calls `asyncio.run(...)`.
    pub calls_asyncio_run: HashSet<String>,
    /// Every `asyncio.run(...)` call in the file.
    pub asyncio_run_calls: Vec<TextRange>,
    /// Names the module binds at top level (assignments, defs, classes, imports).
    pub module_bindings: HashSet<String>,
}

impl ModuleFacts {
    pub fn gather(suite: &[Stmt]) -> Self {
        let mut facts = ModuleFacts::default();
        facts.top_level(suite);
        facts.find_asyncio_run(suite);
        facts
    }

    fn top_level(&mut self, suite: &[Stmt]) {
        let facts = self;
        for stmt in suite {
            match stmt {
                Stmt::FunctionDef(func) => {
                    facts.functions.insert(func.name.to_string(), func.is_async);
                    facts.module_bindings.insert(func.name.to_string());
                }
                Stmt::ClassDef(class) => {
                    facts.module_bindings.insert(class.name.to_string());
                    for item in &class.body {
                        if let Stmt::FunctionDef(method) = item {
                            facts.methods.insert(
                                (class.name.to_string(), method.name.to_string()),
                                method.is_async,
                            );
                        }
                    }
                }
                Stmt::Assign(assign) => {
                    for target in &assign.targets {
                        if let Expr::Name(name) = target {
                            facts.module_bindings.insert(name.id.to_string());
                        }
                    }
                }
                Stmt::AnnAssign(assign) => {
                    if let Expr::Name(name) = &*assign.target {
                        facts.module_bindings.insert(name.id.to_string());
                    }
                }
                Stmt::Import(import) => {
                    for alias in &import.names {
                        let bound = alias.asname.as_ref().map_or_else(
                            || alias.name.split('.').next().unwrap_or_default().to_string(),
                            |a| a.to_string(),
                        );
                        facts.module_bindings.insert(bound);
                    }
                }
                Stmt::ImportFrom(import) => {
                    for alias in &import.names {
                        facts
                            .module_bindings
                            .insert(alias.asname.as_ref().unwrap_or(&alias.name).to_string());
                    }
                }
                _ => {}
            }
        }
    }

    /// [`ModuleFacts::gather`] for a file whose text is `source`: the search for
    /// `asyncio.run(...)` calls (a second traversal) is skipped when no `run` in the text can
    /// be one ([`may_call_run`]).
    pub fn gather_in(suite: &[Stmt], source: &str) -> Self {
        if may_call_run(source) {
            return ModuleFacts::gather(suite);
        }
        let mut facts = ModuleFacts::default();
        facts.top_level(suite);
        facts
    }

    fn find_asyncio_run(&mut self, suite: &[Stmt]) {
        let mut walker = RunFinder {
            imports: Imports::new(suite),
            owner: Vec::new(),
            facts: self,
        };
        walker.visit_body(suite);
    }

    /// Is `name` a module-level `async def`?
    pub fn is_async_function(&self, name: &str) -> bool {
        self.functions.get(name).copied().unwrap_or(false)
    }
}

/// Can `source` call `asyncio.run`? Only if some `run` in it is followed (after blanks, line
/// continuations or a comment) by `(`, `)` (`(asyncio.run)(...)`) or `as` (an import that
/// renames it).
pub fn may_call_run(source: &str) -> bool {
    let bytes = source.as_bytes();
    memchr::memmem::find_iter(bytes, b"run").any(|at| {
        let rest = &bytes[at + 3..];
        let next = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\\' | b'\x0c'));
        match next.map(|i| &rest[i..]) {
            Some([b'(' | b')' | b'#', ..]) => true,
            Some([b'a', b's', after @ ..]) => {
                !matches!(after.first(), Some(c) if c.is_ascii_alphanumeric() || *c == b'_')
            }
            _ => false,
        }
    })
}

/// Finds `asyncio.run(...)` calls and which function (by qualified name) holds each, resolving
/// names in each function's own scope (a parameter `run` is not `asyncio.run`).
struct RunFinder<'f> {
    imports: Imports,
    owner: Vec<String>,
    facts: &'f mut ModuleFacts,
}

impl<'a> SourceOrderVisitor<'a> for RunFinder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(func) => {
                let name = match self.owner.last() {
                    Some(class) if class.starts_with("class:") => {
                        format!("{}.{}", &class[6..], func.name)
                    }
                    _ => func.name.to_string(),
                };
                self.owner.push(name);
                self.imports.push_function(func);
                source_order::walk_stmt(self, stmt);
                self.imports.pop_function();
                self.owner.pop();
            }
            Stmt::ClassDef(class) => {
                self.owner.push(format!("class:{}", class.name));
                source_order::walk_stmt(self, stmt);
                self.owner.pop();
            }
            _ => source_order::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Call(call) = expr
            && self.imports.matches(&call.func, &["asyncio", "run"])
        {
            self.facts.asyncio_run_calls.push(call.range());
            if let Some(owner) = self.owner.last().filter(|o| !o.starts_with("class:")) {
                self.facts.calls_asyncio_run.insert(owner.clone());
            }
        }
        source_order::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gathers_functions_methods_and_asyncio_run() {
        let source = "import asyncio as aio\nx = 1\nasync def main(): pass\ndef helper():\n    aio.run(main())\nclass C:\n    async def m(self): pass\n    def n(self):\n        aio.run(self.m())\naio.run(main())\n";
        let parsed = ruff_python_parser::parse_module(source).unwrap();
        let facts = ModuleFacts::gather(parsed.suite());
        assert!(facts.is_async_function("main"));
        assert!(!facts.is_async_function("helper"));
        assert_eq!(
            facts.methods.get(&("C".to_string(), "m".to_string())),
            Some(&true)
        );
        assert!(facts.calls_asyncio_run.contains("helper"));
        assert!(facts.calls_asyncio_run.contains("C.n"));
        assert_eq!(facts.asyncio_run_calls.len(), 3);
        let shadowed = "from asyncio import run\ndef f(run):\n    run(1)\n";
        let parsed = ruff_python_parser::parse_module(shadowed).unwrap();
        assert!(
            ModuleFacts::gather(parsed.suite())
                .asyncio_run_calls
                .is_empty()
        );
        assert!(facts.module_bindings.contains("x") && facts.module_bindings.contains("aio"));
    }

    #[test]
    fn the_run_gate_keeps_every_spelling_of_a_call() {
        for source in [
            "import asyncio\nasyncio.run(main())\n",
            "import asyncio\nasyncio.run (main())\n",
            "import asyncio\n(asyncio.run)(main())\n",
            "import asyncio\nx = (asyncio.run  # c\n    (main()))\n",
            "import asyncio\nasyncio.run \\\n(main())\n",
            "from asyncio import run as go\ngo(main())\n",
            "from asyncio import (run as go)\ngo(main())\n",
        ] {
            assert!(may_call_run(source), "{source}");
            let parsed = ruff_python_parser::parse_module(source).unwrap();
            assert_eq!(
                ModuleFacts::gather_in(parsed.suite(), source).asyncio_run_calls,
                ModuleFacts::gather(parsed.suite()).asyncio_run_calls,
                "{source}"
            );
        }
        for source in [
            "import asyncio\nrunner = 1\nrunning = asyncio.run_coroutine_threadsafe\n",
            "from asyncio import run, sleep\nx = run\n",
            "def f():\n    return 1\n",
        ] {
            assert!(!may_call_run(source), "{source}");
            let parsed = ruff_python_parser::parse_module(source).unwrap();
            assert!(
                ModuleFacts::gather(parsed.suite())
                    .asyncio_run_calls
                    .is_empty()
            );
        }
    }
}
