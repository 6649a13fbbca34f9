//! Reads what a route or page module exports at top level, by parsing its source with oxc.
//!
//! Only the module's own syntax is looked at: re-exports contribute the names they spell out,
//! `export * from` contributes nothing, and TypeScript type-only exports are not counted.

use std::collections::BTreeMap;
use std::fmt;

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    BindingPattern, Declaration, ExportDefaultDeclarationKind, ExportSpecifier, Expression,
    ModuleDeclaration, ObjectPropertyKind, PropertyKey, PropertyKind, Statement, UnaryOperator,
    VariableDeclarationKind,
};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// What a module exports at top level, read from its source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exports {
    /// Exported binding names in source order (e.g. "GET", "POST", "dynamic", "default" for a default export).
    pub names: Vec<String>,
    /// `export const NAME = <literal>` values where the initializer is a string, number, boolean literal
    /// (or a template literal without expressions, or a negative number, or an array of string literals,
    /// or an object literal whose members are all such literals); used for route segment config such as
    /// `export const dynamic = 'force-static'`, `revalidate = 60`, `preferredRegion = ['iad1', 'sfo1']`,
    /// and for the API route `export const config = { api: { bodyParser: false } }`.
    pub constants: BTreeMap<String, ConstValue>,
    /// The module's directives (`'use client'`, `'use cache'`, `'use server'`), in order.
    pub directives: Vec<String>,
    /// The inline Server Actions of the module: the names of its top-level functions whose body
    /// starts with `'use server'`, in source order.
    pub server_actions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConstValue {
    Str(String),
    Number(f64),
    Bool(bool),
    StrList(Vec<String>),
    /// An array literal of other literals.
    List(Vec<ConstValue>),
    /// An object literal, members in source order.
    Object(Vec<(String, ConstValue)>),
}

impl ConstValue {
    /// The member `key` of an object value.
    pub fn get(&self, key: &str) -> Option<&ConstValue> {
        match self {
            ConstValue::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Why a source file could not be read. `line` and `column` are 1-based (columns count characters);
/// both are 0 when the error has no position in the source, as for an unsupported file extension.
#[derive(Debug)]
pub struct ExportsError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for ExportsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ExportsError {}

/// Parses `source` as the module `file_name` names (its extension picks JS, JSX, TS or TSX)
/// and lists its top-level exports.
pub fn read_exports(source: &str, file_name: &str) -> Result<Exports, ExportsError> {
    let mut source_type = SourceType::from_path(file_name).map_err(|e| ExportsError {
        message: format!("{file_name}: {}", &*e),
        line: 0,
        column: 0,
    })?;
    // Next.js compiles `.js` files with JSX enabled.
    if source_type.is_javascript() {
        source_type = source_type.with_jsx(true);
    }

    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, source_type).parse();
    if let Some(error) = parsed.diagnostics.errors().next() {
        let offset = error
            .labels
            .first()
            .map_or(0, |label| label.offset() as usize);
        let (line, column) = line_column(source, offset);
        return Err(ExportsError {
            message: error.message.to_string(),
            line,
            column,
        });
    }

    let mut exports = Exports { directives: parsed.program.directives.iter().map(|d| d.directive.to_string()).collect(), ..Default::default() };
    for statement in &parsed.program.body {
        exports.add_server_action(statement);
        let Some(module_decl) = statement.as_module_declaration() else {
            continue;
        };
        match module_decl {
            ModuleDeclaration::ExportDeclaration(export) => {
                exports.add_declaration(&export.declaration);
            }
            ModuleDeclaration::ExportDefaultDeclaration(export) => {
                let type_only = match &export.declaration {
                    ExportDefaultDeclarationKind::TSInterfaceDeclaration(_) => true,
                    // Overload signatures and `declare` functions have no runtime binding.
                    ExportDefaultDeclarationKind::FunctionDeclaration(f) => {
                        f.is_typescript_syntax()
                    }
                    _ => false,
                };
                if !type_only {
                    exports.names.push("default".to_owned());
                }
            }
            ModuleDeclaration::ExportNamedDeclaration(export) if !export.export_kind.is_type() => {
                exports.add_specifiers(&export.specifiers);
            }
            ModuleDeclaration::ExportFromDeclaration(export) if !export.export_kind.is_type() => {
                exports.add_specifiers(&export.specifiers);
            }
            ModuleDeclaration::ExportAllDeclaration(export) if !export.export_kind.is_type() => {
                if let Some(exported) = &export.exported {
                    exports.names.push(exported.name().to_string());
                }
            }
            _ => {}
        }
    }
    Ok(exports)
}

impl Exports {
    /// Whether the module starts with the directive `directive` (`use client`...).
    pub fn has_directive(&self, directive: &str) -> bool {
        self.directives.iter().any(|d| d == directive)
    }

    /// Records `statement` when it declares a function, exported or not, whose body starts with
    /// `'use server'`.
    fn add_server_action(&mut self, statement: &Statement) {
        let function = match (statement, statement.as_module_declaration()) {
            (Statement::FunctionDeclaration(f), _) => f,
            (_, Some(ModuleDeclaration::ExportDeclaration(export))) => match &export.declaration {
                Declaration::FunctionDeclaration(f) => f,
                _ => return,
            },
            _ => return,
        };
        let server = function.body.as_ref().is_some_and(|body| body.directives.iter().any(|d| d.directive == "use server"));
        if let (true, Some(name)) = (server, function.name()) {
            self.server_actions.push(name.to_string());
        }
    }

    fn add_declaration(&mut self, declaration: &Declaration) {
        match declaration {
            Declaration::VariableDeclaration(var) if !var.declare => {
                for declarator in &var.declarations {
                    for id in declarator.id.get_binding_identifiers() {
                        self.names.push(id.name.to_string());
                    }
                    if let (
                        VariableDeclarationKind::Const,
                        BindingPattern::BindingIdentifier(id),
                        Some(init),
                    ) = (var.kind, &declarator.id, &declarator.init)
                        && let Some(value) = const_value(init)
                    {
                        self.constants.insert(id.name.to_string(), value);
                    }
                }
            }
            Declaration::FunctionDeclaration(f) if !f.is_typescript_syntax() => {
                self.names.extend(f.name().map(|name| name.to_string()));
            }
            // An abstract class is still a runtime value; only `declare class` is not.
            Declaration::ClassDeclaration(class) if !class.declare => {
                self.names
                    .extend(class.id.as_ref().map(|id| id.name.to_string()));
            }
            // Types, interfaces, `declare`d bindings and other TypeScript-only declarations.
            _ => {}
        }
    }

    fn add_specifiers(&mut self, specifiers: &[ExportSpecifier]) {
        for specifier in specifiers.iter().filter(|s| !s.export_kind.is_type()) {
            self.names.push(specifier.exported.name().to_string());
        }
    }
}

/// The object a config module exports, `module.exports = { ... }` or `export default { ... }`,
/// as far as its members are literals (see [`Exports::constants`]); `None` when it exports no
/// object literal.
pub fn read_config_object(source: &str, file_name: &str) -> Result<Option<ConstValue>, ExportsError> {
    let source_type = SourceType::from_path(file_name).map_err(|e| ExportsError { message: format!("{file_name}: {}", &*e), line: 0, column: 0 })?;
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, source_type).parse();
    if let Some(error) = parsed.diagnostics.errors().next() {
        let offset = error.labels.first().map_or(0, |label| label.offset() as usize);
        let (line, column) = line_column(source, offset);
        return Err(ExportsError { message: error.message.to_string(), line, column });
    }
    for statement in &parsed.program.body {
        match statement {
            oxc_ast::ast::Statement::ExpressionStatement(expression) => {
                let Expression::AssignmentExpression(assignment) = expression.expression.get_inner_expression() else { continue };
                let oxc_ast::ast::AssignmentTarget::StaticMemberExpression(member) = &assignment.left else { continue };
                let is_module = matches!(&member.object, Expression::Identifier(id) if id.name == "module");
                if is_module && member.property.name == "exports" {
                    return Ok(const_value(&assignment.right));
                }
            }
            oxc_ast::ast::Statement::ExportDefaultDeclaration(export) => {
                if let Some(expression) = export.declaration.as_expression() {
                    return Ok(const_value(expression));
                }
            }
            _ => {}
        }
    }
    Ok(None)
}

fn const_value(init: &Expression) -> Option<ConstValue> {
    match init.get_inner_expression() {
        Expression::NumericLiteral(n) => Some(ConstValue::Number(n.value)),
        Expression::BooleanLiteral(b) => Some(ConstValue::Bool(b.value)),
        Expression::UnaryExpression(unary) if unary.operator == UnaryOperator::UnaryNegation => {
            match unary.argument.get_inner_expression() {
                Expression::NumericLiteral(n) => Some(ConstValue::Number(-n.value)),
                _ => None,
            }
        }
        Expression::ArrayExpression(array) => {
            let strings = array.elements.iter().map(|element| element.as_expression().and_then(string_value)).collect::<Option<Vec<_>>>();
            strings.map(ConstValue::StrList).or_else(|| {
                array.elements.iter().map(|element| element.as_expression().and_then(const_value)).collect::<Option<Vec<_>>>().map(ConstValue::List)
            })
        }
        Expression::ObjectExpression(object) => object
            .properties
            .iter()
            .map(|property| match property {
                ObjectPropertyKind::ObjectProperty(p)
                    if p.kind == PropertyKind::Init && !p.method && !p.computed =>
                {
                    Some((property_key(&p.key)?, const_value(&p.value)?))
                }
                // A method that only returns a literal (`async headers() { return [...] }`)
                // stands for what it returns.
                ObjectPropertyKind::ObjectProperty(p) if p.kind == PropertyKind::Init && p.method && !p.computed => {
                    Some((property_key(&p.key)?, returned_value(&p.value)?))
                }
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(ConstValue::Object),
        other => string_value(other).map(ConstValue::Str),
    }
}

/// What a function expression whose body is only `return <literal>` returns.
fn returned_value(function: &Expression) -> Option<ConstValue> {
    let Expression::FunctionExpression(function) = function.get_inner_expression() else { return None };
    match function.body.as_ref()?.statements.as_slice() {
        [Statement::ReturnStatement(ret)] => const_value(ret.argument.as_ref()?),
        _ => None,
    }
}

/// The name of a non-computed property key: `a`, `'a'` or `1`.
fn property_key(key: &PropertyKey) -> Option<String> {
    match key {
        PropertyKey::StaticIdentifier(id) => Some(id.name.to_string()),
        PropertyKey::StringLiteral(s) => Some(s.value.to_string()),
        PropertyKey::NumericLiteral(n) => Some(n.value.to_string()),
        _ => None,
    }
}

fn string_value(expr: &Expression) -> Option<String> {
    match expr.get_inner_expression() {
        Expression::StringLiteral(s) => Some(s.value.to_string()),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() => t
            .quasis
            .first()?
            .value
            .cooked
            .map(|cooked| cooked.to_string()),
        _ => None,
    }
}

/// 1-based line and column (in characters) of byte `offset` in `source`.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(source: &str, file_name: &str) -> Vec<String> {
        read_exports(source, file_name).expect("parses").names
    }

    fn constants(source: &str) -> BTreeMap<String, ConstValue> {
        read_exports(source, "route.ts").expect("parses").constants
    }

    #[test]
    fn directives_and_inline_server_actions() {
        let source = "'use client'\nasync function act() { 'use server' }\nfunction plain() {}\nexport async function exported() { 'use server'; return 1 }";
        let exports = read_exports(source, "page.js").unwrap();
        assert!(exports.has_directive("use client"));
        assert_eq!(exports.server_actions, ["act", "exported"]);
    }

    #[test]
    fn function_declarations() {
        let source =
            "export async function GET() {}\nfunction helper() {}\nexport function PUT() {}";
        assert_eq!(names(source, "route.js"), ["GET", "PUT"]);
    }

    #[test]
    fn variable_declarations_with_several_declarators() {
        let source =
            "export const GET = async () => {};\nexport let X = 1, Y = 2;\nconst hidden = 3;";
        assert_eq!(names(source, "route.js"), ["GET", "X", "Y"]);
    }

    #[test]
    fn destructuring_exports_bound_names() {
        assert_eq!(
            names("export const { a, b: c } = obj;", "route.js"),
            ["a", "c"]
        );
        assert_eq!(
            names("export const [first, , ...rest] = list;", "route.js"),
            ["first", "rest"]
        );
    }

    #[test]
    fn export_lists_use_exported_names() {
        let source = "const handler = 1, other = 2, x = 3;\nexport { handler as POST, other };\nexport { x as default };";
        assert_eq!(names(source, "route.js"), ["POST", "other", "default"]);
    }

    #[test]
    fn re_exports() {
        let source =
            "export { GET } from './other';\nexport * from './all';\nexport * as ns from './x';";
        assert_eq!(names(source, "route.js"), ["GET", "ns"]);
    }

    #[test]
    fn default_exports() {
        assert_eq!(
            names("export default function Page() {}", "page.js"),
            ["default"]
        );
        assert_eq!(names("export default 42;", "page.js"), ["default"]);
        assert_eq!(names("export const a = 1;", "page.js"), ["a"]);
    }

    #[test]
    fn typescript_type_only_exports_are_not_counted() {
        let source = "\
export type Params = { id: string };
export interface Props { params: Params }
type Foo = string;
const bar = 1;
export { type Foo, bar };
export type { Foo as Renamed };
export type * as types from './types';
export declare const ambient: number;
export function GET(req: Request): Response;
export function GET(req: Request): Response { return new Response(String(req)); }
export const revalidate: number = 60;";
        let exports = read_exports(source, "route.ts").expect("parses");
        assert_eq!(exports.names, ["bar", "GET", "revalidate"]);
        assert_eq!(
            exports.constants.get("revalidate"),
            Some(&ConstValue::Number(60.0))
        );
    }

    #[test]
    fn js_files_accept_jsx() {
        let source = "export default function Page() { return <main><h1>Hi</h1></main>; }\nexport const dynamic = 'force-static';";
        assert_eq!(names(source, "page.js"), ["default", "dynamic"]);
        assert_eq!(names(source, "page.mjs"), ["default", "dynamic"]);
        assert_eq!(names(source, "page.tsx"), ["default", "dynamic"]);
    }

    #[test]
    fn literal_constants() {
        let source = "\
export const dynamic = 'force-static';
export const runtime = `nodejs`;
export const revalidate = 60;
export const offset = -1.5;
export const dynamicParams = false;
export const preferredRegion = ['iad1', 'sfo1'];
export const maxDuration = 10 as const;";
        let expected = BTreeMap::from([
            (
                "dynamic".to_owned(),
                ConstValue::Str("force-static".to_owned()),
            ),
            ("runtime".to_owned(), ConstValue::Str("nodejs".to_owned())),
            ("revalidate".to_owned(), ConstValue::Number(60.0)),
            ("offset".to_owned(), ConstValue::Number(-1.5)),
            ("dynamicParams".to_owned(), ConstValue::Bool(false)),
            (
                "preferredRegion".to_owned(),
                ConstValue::StrList(vec!["iad1".to_owned(), "sfo1".to_owned()]),
            ),
            ("maxDuration".to_owned(), ConstValue::Number(10.0)),
        ]);
        assert_eq!(constants(source), expected);
    }

    #[test]
    fn non_literal_initializers_are_names_but_not_constants() {
        let source = "\
export const computed = 60 * 60;
export const templated = `a${b}`;
export const mixed = ['iad1', region];
export let mutable = 'x';
export const GET = () => {};";
        let exports = read_exports(source, "route.ts").expect("parses");
        assert_eq!(
            exports.names,
            ["computed", "templated", "mixed", "mutable", "GET"]
        );
        assert!(exports.constants.is_empty(), "{:?}", exports.constants);
    }

    #[test]
    fn object_literal_constants_nest() {
        let source = "export const config = { api: { bodyParser: { sizeLimit: '1kb' }, 'externalResolver': true }, n: -1 };";
        let config = constants(source).remove("config").expect("an object constant");
        let api = config.get("api").expect("api member");
        assert_eq!(
            api.get("bodyParser").and_then(|b| b.get("sizeLimit")),
            Some(&ConstValue::Str("1kb".to_owned()))
        );
        assert_eq!(api.get("externalResolver"), Some(&ConstValue::Bool(true)));
        assert_eq!(config.get("n"), Some(&ConstValue::Number(-1.0)));
        assert_eq!(config.get("missing"), None);
    }

    #[test]
    fn objects_with_non_literal_members_are_not_constants() {
        let source = "\
export const spread = { ...base };
export const computed = { [key]: 1 };
export const method = { f() {} };
export const getter = { get x() { return 1 } };
export const deep = { api: { bodyParser: limit } };
export const shorthand = { a };";
        assert!(constants(source).is_empty(), "{:?}", constants(source));
    }

    #[test]
    fn syntax_error_reports_one_based_position() {
        let source = "export const a = 1;\n  export const = 2;\n";
        let error = read_exports(source, "route.js").unwrap_err();
        assert_eq!((error.line, error.column), (2, 16), "{error}");
        assert!(!error.message.is_empty());
    }

    #[test]
    fn syntax_error_column_counts_characters() {
        let error = read_exports("const é = 'ü' +;", "route.js").unwrap_err();
        assert_eq!((error.line, error.column), (1, 16), "{error}");
    }

    #[test]
    fn unsupported_extension_is_an_error() {
        let error = read_exports("export const a = 1;", "page.mdx").unwrap_err();
        assert_eq!((error.line, error.column), (0, 0));
    }
}
