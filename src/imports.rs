//! Name resolution through imports: which local name is bound to which module or member.
//!
//! Only imports count (`import asyncio as aio`, `from asyncio import wait_for as wf`). Inside a
//! function, a parameter or an assignment of the same name shadows a module-level import, so a
//! local `requests` that is a dict is never mistaken for the module.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::name::UnqualifiedName;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

/// What one local name is bound to by an import statement.
#[derive(Clone, Debug)]
pub struct ImportBinding {
    /// `["asyncio"]` for `import asyncio [as aio]`, `["asyncio", "wait_for"]` for
    /// `from asyncio import wait_for [as wf]`, `["a", "b"]` for `import a.b as c`.
    pub qualified: Vec<String>,
    /// Range of the whole import statement.
    pub stmt: TextRange,
    /// Range of the alias (`wait_for as wf`) inside it.
    pub alias: TextRange,
    /// True for `from m import x`.
    pub is_from: bool,
    /// Made inside an `if`/`try`/`with`/loop block: it may not have run (for example under
    /// `if __name__ == "__main__":`), so new code is never spelled through it.
    pub conditional: bool,
}

/// Bindings of one scope (the module, or one function).
#[derive(Default, Debug)]
pub struct Scope {
    pub imports: HashMap<String, ImportBinding>,
    /// Names bound otherwise (parameters, assignments): they hide outer imports.
    pub shadowed: HashSet<String>,
}

impl Scope {
    /// The module scope: imports anywhere at module level (also inside top-level `if`/`try`).
    pub fn module(suite: &[Stmt]) -> Self {
        let mut scope = Scope::default();
        collect(suite, &mut scope, false, false);
        scope
    }

    /// A function scope: its parameters, its imports and the names it assigns.
    pub fn function(func: &ast::StmtFunctionDef) -> Self {
        let mut scope = Scope::default();
        for param in func.parameters.iter() {
            scope.shadowed.insert(param.name().to_string());
        }
        collect(&func.body, &mut scope, true, false);
        scope
    }
}

fn collect(suite: &[Stmt], scope: &mut Scope, record_assignments: bool, conditional: bool) {
    for stmt in suite {
        match stmt {
            Stmt::Import(import) => {
                for alias in &import.names {
                    let full: Vec<String> = alias.name.split('.').map(str::to_string).collect();
                    let (local, qualified) = match &alias.asname {
                        Some(asname) => (asname.to_string(), full),
                        None => (full[0].clone(), vec![full[0].clone()]),
                    };
                    scope.imports.insert(
                        local,
                        ImportBinding {
                            qualified,
                            stmt: import.range,
                            alias: alias.range,
                            is_from: false,
                            conditional,
                        },
                    );
                }
            }
            Stmt::ImportFrom(import) if import.level == 0 => {
                let Some(module) = &import.module else {
                    continue;
                };
                for alias in &import.names {
                    if alias.name.as_str() == "*" {
                        continue;
                    }
                    let mut qualified: Vec<String> =
                        module.split('.').map(str::to_string).collect();
                    qualified.push(alias.name.to_string());
                    let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    scope.imports.insert(
                        local,
                        ImportBinding {
                            qualified,
                            stmt: import.range,
                            alias: alias.range,
                            is_from: true,
                            conditional,
                        },
                    );
                }
            }
            Stmt::FunctionDef(func) if record_assignments => {
                scope.shadowed.insert(func.name.to_string());
            }
            Stmt::ClassDef(class) if record_assignments => {
                scope.shadowed.insert(class.name.to_string());
            }
            Stmt::If(stmt_if) => {
                collect(&stmt_if.body, scope, record_assignments, true);
                for clause in &stmt_if.elif_else_clauses {
                    collect(&clause.body, scope, record_assignments, true);
                }
            }
            Stmt::Try(stmt_try) => {
                collect(&stmt_try.body, scope, record_assignments, true);
                for handler in &stmt_try.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    if record_assignments && let Some(name) = &handler.name {
                        scope.shadowed.insert(name.to_string());
                    }
                    collect(&handler.body, scope, record_assignments, true);
                }
                collect(&stmt_try.orelse, scope, record_assignments, true);
                collect(&stmt_try.finalbody, scope, record_assignments, true);
            }
            Stmt::With(with) => {
                if record_assignments {
                    for item in &with.items {
                        if let Some(vars) = &item.optional_vars {
                            shadow_targets(vars, scope);
                        }
                    }
                }
                collect(&with.body, scope, record_assignments, true);
            }
            Stmt::For(stmt_for) => {
                if record_assignments {
                    shadow_targets(&stmt_for.target, scope);
                }
                collect(&stmt_for.body, scope, record_assignments, true);
                collect(&stmt_for.orelse, scope, record_assignments, true);
            }
            Stmt::While(stmt_while) => {
                collect(&stmt_while.body, scope, record_assignments, true);
                collect(&stmt_while.orelse, scope, record_assignments, true);
            }
            Stmt::Assign(assign) if record_assignments => {
                for target in &assign.targets {
                    shadow_targets(target, scope);
                }
            }
            Stmt::AnnAssign(assign) if record_assignments => shadow_targets(&assign.target, scope),
            Stmt::AugAssign(assign) if record_assignments => shadow_targets(&assign.target, scope),
            _ => {}
        }
    }
}

fn shadow_targets(target: &Expr, scope: &mut Scope) {
    match target {
        Expr::Name(name) => {
            scope.shadowed.insert(name.id.to_string());
        }
        Expr::Tuple(tuple) => tuple.iter().for_each(|elt| shadow_targets(elt, scope)),
        Expr::List(list) => list.iter().for_each(|elt| shadow_targets(elt, scope)),
        Expr::Starred(starred) => shadow_targets(&starred.value, scope),
        _ => {}
    }
}

/// The module scope plus the stack of enclosing function scopes, innermost last.
#[derive(Debug)]
pub struct Imports {
    module: Scope,
    functions: Vec<Scope>,
}

impl Imports {
    pub fn new(suite: &[Stmt]) -> Self {
        Self {
            module: Scope::module(suite),
            functions: Vec::new(),
        }
    }
    pub fn push_function(&mut self, func: &ast::StmtFunctionDef) {
        self.functions.push(Scope::function(func));
    }
    pub fn pop_function(&mut self) {
        self.functions.pop();
    }
    pub fn module_scope(&self) -> &Scope {
        &self.module
    }

    /// The import that binds `name` where we are, or `None` when the name is unbound or
    /// bound to something that is not an import.
    pub fn binding(&self, name: &str) -> Option<&ImportBinding> {
        for scope in self.functions.iter().rev() {
            if let Some(binding) = scope.imports.get(name) {
                return Some(binding);
            }
            if scope.shadowed.contains(name) {
                return None;
            }
        }
        self.module.imports.get(name)
    }

    /// Does an enclosing function bind `name` otherwise than by import (parameter, assignment)?
    pub fn shadowed_locally(&self, name: &str) -> bool {
        self.functions
            .iter()
            .any(|scope| scope.shadowed.contains(name))
    }

    /// The fully qualified name `expr` refers to, if it is a dotted name rooted in an import.
    pub fn resolve(&self, expr: &Expr) -> Option<Vec<String>> {
        let name = UnqualifiedName::from_expr(expr)?;
        let (first, rest) = name.segments().split_first()?;
        let binding = self.binding(first)?;
        let mut qualified = binding.qualified.clone();
        qualified.extend(rest.iter().map(|s| s.to_string()));
        Some(qualified)
    }

    /// Does `expr` refer to `qualified` (e.g. `["asyncio", "wait_for"]`)? Allocation-free.
    pub fn matches(&self, expr: &Expr, qualified: &[&str]) -> bool {
        let Some(name) = UnqualifiedName::from_expr(expr) else {
            return false;
        };
        let Some((first, rest)) = name.segments().split_first() else {
            return false;
        };
        let Some(binding) = self.binding(first) else {
            return false;
        };
        binding.qualified.len() + rest.len() == qualified.len()
            && binding
                .qualified
                .iter()
                .map(String::as_str)
                .chain(rest.iter().copied())
                .eq(qualified.iter().copied())
    }

    /// Like [`Imports::matches`], for several candidates; returns the one that matched.
    pub fn matches_any<'q>(
        &self,
        expr: &Expr,
        candidates: &[&'q [&'q str]],
    ) -> Option<&'q [&'q str]> {
        candidates.iter().copied().find(|q| self.matches(expr, q))
    }

    /// When `callee` is a bare name bound by a from-import (`wf` for `from asyncio import
    /// wait_for as wf`), that name: a fix that removes the call should report it as dropped so
    /// the engine can remove the import if nothing else uses it.
    pub fn from_imported_name<'e>(&self, callee: &'e Expr) -> Option<&'e str> {
        let Expr::Name(name) = callee else {
            return None;
        };
        self.binding(&name.id)
            .filter(|b| b.is_from)
            .map(|_| name.id.as_str())
    }

    /// The local name under which module `module` is bound (`aio` for `import asyncio as aio`),
    /// by an import that always runs.
    /// Deterministic: the plain module name wins, then the alphabetically first alias.
    pub fn module_alias(&self, module: &str) -> Option<String> {
        self.pick(module, |b| {
            !b.is_from && b.qualified.len() == 1 && b.qualified[0] == module
        })
    }

    /// The local name bound to `module.member` by a from-import (`wf` for
    /// `from asyncio import wait_for as wf`).
    pub fn member_alias(&self, module: &str, member: &str) -> Option<String> {
        self.pick(member, |b| {
            b.is_from
                && b.qualified.len() == 2
                && b.qualified[0] == module
                && b.qualified[1] == member
        })
    }

    fn pick(&self, preferred: &str, wanted: impl Fn(&ImportBinding) -> bool) -> Option<String> {
        let scopes = self
            .functions
            .iter()
            .rev()
            .chain(std::iter::once(&self.module));
        let mut names: Vec<&str> = scopes
            .flat_map(|scope| scope.imports.iter())
            .filter(|(name, binding)| {
                !binding.conditional
                    && wanted(binding)
                    && self
                        .binding(name)
                        .is_some_and(|visible| std::ptr::eq(visible, *binding))
            })
            .map(|(name, _)| name.as_str())
            .collect();
        names.sort_by_key(|name| (*name != preferred, *name));
        names.first().map(|name| name.to_string())
    }
}
