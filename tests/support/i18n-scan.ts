import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// Static checks of the source against the messages, for tests/unit/i18n-messages.test.ts:
// which message keys the code reads, and which user-facing texts are written in a
// component instead of the messages. Syntax only (no type checker): fast, and the
// code's translator calls follow few enough patterns.

export type SourceFile = { file: string; source: ts.SourceFile };

/** .ts/.tsx files under `dirs` (relative to `root`), minus generated code. */
export function readSources(root: string, dirs: string[], accept = (_file: string) => true): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory())
        return full.endsWith(path.join("lib", "db", "generated")) ? [] : walk(full);
      return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
    });
  return dirs
    .flatMap((dir) => walk(path.join(root, dir)))
    .map((full) => path.relative(root, full))
    .filter(accept)
    .map((file) => parseSource(file, readFileSync(path.join(root, file), "utf8")));
}

export function parseSource(file: string, text: string): SourceFile {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return { file, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind) };
}

function visit(node: ts.Node, callback: (node: ts.Node) => void) {
  callback(node);
  node.forEachChild((child) => visit(child, callback));
}

const where = (f: SourceFile, node: ts.Node) =>
  `${f.file}:${f.source.getLineAndCharacterOfPosition(node.getStart(f.source)).line + 1}`;

// ---------------------------------------------------------------------------------
// Message keys the code reads

/** What the code reads: exact keys, key patterns (dynamic keys), and namespaces read
 * with a fully dynamic key (an error code, a table key: data written elsewhere). */
export type MessageUsage = {
  exact: Set<string>;
  patterns: RegExp[];
  dynamicNamespaces: Set<string>;
  /** Every string literal of the code: the values a dynamic key can take. */
  dataLiterals: Set<string>;
  /** Calls that look like translations but whose namespace cannot be told. */
  unresolved: string[];
};

const FACTORY_CALLS = new Set(["useTranslations", "getTranslations", "createTranslator"]);
const TRANSLATOR_METHODS = new Set(["rich", "markup", "raw", "has"]);
const TRANSLATOR_TYPE = /\b(?:getTranslations|useTranslations)<\s*["']([^"']*)["']\s*>/;

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isAwaitExpression(node) ||
  ts.isParenthesizedExpression(node) ||
  ts.isAsExpression(node) ||
  ts.isNonNullExpression(node) ||
  ts.isSatisfiesExpression(node)
    ? unwrap(node.expression)
    : node;

const literalText = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** The namespace a translator factory call gives ("" for all messages), if it is one. */
function factoryNamespace(node: ts.Expression, factories: Map<string, string>): string | undefined {
  const call = unwrap(node);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  const name = call.expression.text;
  if (factories.has(name)) return factories.get(name);
  if (!FACTORY_CALLS.has(name)) return undefined;
  const [arg] = call.arguments;
  if (!arg) return "";
  const literal = literalText(arg);
  if (literal !== undefined) return literal;
  if (ts.isObjectLiteralExpression(arg)) {
    const property = arg.properties.find(
      (p): p is ts.PropertyAssignment =>
        ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === "namespace",
    );
    return property ? literalText(property.initializer) : "";
  }
  return undefined;
}

/** Functions that return a translator (emailTranslator(locale) reads "emails"). */
function findFactories(files: SourceFile[]): Map<string, string> {
  const factories = new Map<string, string>();
  for (const f of files)
    visit(f.source, (node) => {
      let name: string | undefined;
      let body: ts.Node | undefined;
      if (ts.isFunctionDeclaration(node) && node.name) [name, body] = [node.name.text, node.body];
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isArrowFunction(node.initializer)
      )
        [name, body] = [node.name.text, node.initializer.body];
      if (!name || !body) return;
      const returned = ts.isBlock(body)
        ? body.statements.filter(ts.isReturnStatement).map((r) => r.expression)
        : [body as ts.Expression];
      for (const expression of returned) {
        const ns = expression && factoryNamespace(expression, new Map());
        if (ns !== undefined) factories.set(name, ns);
      }
    });
  return factories;
}

type Binding = { name: string; namespace: string; scope: ts.Node };

const isScope = (node: ts.Node) => ts.isSourceFile(node) || ts.isFunctionLike(node);
const scopeOf = (node: ts.Node): ts.Node => {
  let current = node.parent;
  while (!isScope(current)) current = current.parent;
  return current;
};

/** Names bound to a translator in one file, each with the function it lives in. */
function findBindings(f: SourceFile, factories: Map<string, string>): Binding[] {
  const bindings: Binding[] = [];
  const typeAliases = new Map<string, string>();
  visit(f.source, (node) => {
    if (ts.isTypeAliasDeclaration(node)) {
      const match = node.type.getText(f.source).match(TRANSLATOR_TYPE);
      if (match) typeAliases.set(node.name.text, match[1]!);
    }
  });
  const typeNamespace = (type: ts.TypeNode | undefined) => {
    if (!type) return undefined;
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName))
      return typeAliases.get(type.typeName.text);
    return type.getText(f.source).match(TRANSLATOR_TYPE)?.[1];
  };
  visit(f.source, (node) => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      if (ts.isIdentifier(node.name)) {
        const namespace = factoryNamespace(node.initializer, factories) ?? typeNamespace(node.type);
        if (namespace !== undefined) bindings.push({ name: node.name.text, namespace, scope: scopeOf(node) });
      }
      // const [t, tMeta] = await Promise.all([getTranslations(...), getTranslations(...)])
      const all = unwrap(node.initializer);
      if (
        ts.isArrayBindingPattern(node.name) &&
        ts.isCallExpression(all) &&
        all.expression.getText(f.source) === "Promise.all" &&
        all.arguments[0] &&
        ts.isArrayLiteralExpression(all.arguments[0])
      ) {
        const elements = all.arguments[0].elements;
        node.name.elements.forEach((element, index) => {
          const namespace = elements[index] && factoryNamespace(elements[index], factories);
          if (ts.isBindingElement(element) && ts.isIdentifier(element.name) && namespace !== undefined)
            bindings.push({ name: element.name.text, namespace, scope: scopeOf(node) });
        });
      }
    }
    // A translator handed to a function or component: (t: Translate) or { t }: { t: Translate }
    if ((ts.isParameter(node) || ts.isPropertySignature(node)) && ts.isIdentifier(node.name)) {
      const namespace = typeNamespace(node.type);
      if (namespace !== undefined) bindings.push({ name: node.name.text, namespace, scope: scopeOf(node) });
    }
  });
  return bindings;
}

function resolveBinding(bindings: Binding[], name: string, at: ts.Node): Binding | undefined {
  for (let scope: ts.Node | undefined = at; scope; scope = scope.parent) {
    if (!isScope(scope)) continue;
    const found = bindings.find((b) => b.name === name && b.scope === scope);
    if (found) return found;
  }
  return undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const join = (namespace: string, key: string) => (namespace ? `${namespace}.${key}` : key);

export function findMessageUsage(files: SourceFile[]): MessageUsage {
  const usage: MessageUsage = {
    exact: new Set(),
    patterns: [],
    dynamicNamespaces: new Set(),
    dataLiterals: new Set(),
    unresolved: [],
  };
  const factories = findFactories(files);

  const readKey = (namespace: string, arg: ts.Expression) => {
    const key = unwrap(arg);
    const literal = literalText(key);
    if (literal !== undefined) usage.exact.add(join(namespace, literal));
    else if (ts.isTemplateExpression(key)) {
      // `errors.${code}` reads the errors subtree; `tables.${key}.what` each table's "what".
      const pattern = [
        escapeRegExp(key.head.text),
        ...key.templateSpans.map((span) => `.+?${escapeRegExp(span.literal.text)}`),
      ].join("");
      usage.patterns.push(new RegExp(`^${escapeRegExp(join(namespace, ""))}${pattern}(\\..+)?$`));
    } else if (ts.isConditionalExpression(key)) {
      readKey(namespace, key.whenTrue);
      readKey(namespace, key.whenFalse);
    } else if (
      ts.isBinaryExpression(key) &&
      [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(key.operatorToken.kind)
    ) {
      readKey(namespace, key.left);
      readKey(namespace, key.right);
    } else usage.dynamicNamespaces.add(namespace);
  };

  // Translators handed to another function (useFormAction(action, tErrors)) or component
  // (<Guide t={t} />): keys read through the parameter count for every namespace passed.
  const passed = new Map<string, Set<string>>();
  const forwarded = new Map<string, Set<string>>();
  const parameterReads: { slot: string; callee: string; key: ts.Expression; at: string }[] = [];
  const add = (map: Map<string, Set<string>>, slot: string, value: string) =>
    map.set(slot, (map.get(slot) ?? new Set()).add(value));

  for (const f of files) {
    const bindings = findBindings(f, factories);
    const handOver = (slot: string, value: ts.Expression, at: ts.Node) => {
      const arg = unwrap(value);
      if (!ts.isIdentifier(arg)) return;
      const namespace = resolveBinding(bindings, arg.text, at)?.namespace;
      if (namespace !== undefined) add(passed, slot, namespace);
      else {
        const source = parameterSlot(arg.text, at);
        if (source) add(forwarded, slot, source);
      }
    };
    visit(f.source, (node) => {
      const literal = literalText(node);
      if (literal !== undefined) usage.dataLiterals.add(literal);
      if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
        for (const attribute of node.attributes.properties)
          if (
            ts.isJsxAttribute(attribute) &&
            attribute.initializer &&
            ts.isJsxExpression(attribute.initializer)
          )
            if (attribute.initializer.expression)
              handOver(
                `${node.tagName.getText(f.source)}#0.${attribute.name.getText(f.source)}`,
                attribute.initializer.expression,
                node,
              );
      }
      if (!ts.isCallExpression(node)) return;
      if (ts.isIdentifier(node.expression)) {
        const name = node.expression.text;
        node.arguments.forEach((arg, index) => {
          if (ts.isObjectLiteralExpression(arg)) {
            for (const property of arg.properties) {
              if (ts.isPropertyAssignment(property))
                handOver(`${name}#${index}.${property.name.getText(f.source)}`, property.initializer, node);
              if (ts.isShorthandPropertyAssignment(property))
                handOver(`${name}#${index}.${property.name.text}`, property.name, node);
            }
          } else handOver(`${name}#${index}`, arg, node);
        });
      }
      if (!node.arguments[0]) return;
      let callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && TRANSLATOR_METHODS.has(callee.name.text))
        callee = callee.expression;
      if (!ts.isIdentifier(callee)) {
        const namespace = factoryNamespace(callee, factories);
        if (namespace !== undefined) readKey(namespace, node.arguments[0]);
        return;
      }
      const namespace = resolveBinding(bindings, callee.text, node)?.namespace;
      if (namespace !== undefined) {
        readKey(namespace, node.arguments[0]);
        return;
      }
      const at = `${where(f, node)} ${node.getText(f.source).slice(0, 60)}`;
      const slot = parameterSlot(callee.text, node);
      if (slot) parameterReads.push({ slot, callee: callee.text, key: node.arguments[0], at });
      else if (looksLikeTranslator(callee.text) && !bindings.some((b) => b.name === callee.text))
        usage.unresolved.push(at);
    });
  }

  const namespacesOf = (slot: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(slot)) return new Set();
    seen.add(slot);
    const found = new Set(passed.get(slot));
    for (const source of forwarded.get(slot) ?? [])
      for (const ns of namespacesOf(source, seen)) found.add(ns);
    return found;
  };
  for (const read of parameterReads) {
    const namespaces = namespacesOf(read.slot);
    for (const namespace of namespaces) readKey(namespace, read.key);
    if (namespaces.size === 0 && looksLikeTranslator(read.callee)) usage.unresolved.push(read.at);
  }
  return usage;
}

const looksLikeTranslator = (name: string) => /^t([A-Z]\w*)?$/.test(name);

const functionName = (fn: ts.SignatureDeclaration): string | undefined => {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  const parent = fn.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
    ts.isVariableDeclaration(parent) &&
    ts.isIdentifier(parent.name)
    ? parent.name.text
    : undefined;
};

/** Which parameter of which named function `name` is at `at`: "useFormAction#1" for a
 * positional one, "Guide#0.t" for a destructured prop. */
function parameterSlot(name: string, at: ts.Node): string | undefined {
  for (let node: ts.Node | undefined = at.parent; node; node = node.parent) {
    if (!ts.isFunctionLike(node)) continue;
    for (const [index, parameter] of node.parameters.entries()) {
      if (ts.isIdentifier(parameter.name) && parameter.name.text === name) {
        const fn = functionName(node);
        return fn && `${fn}#${index}`;
      }
      if (ts.isObjectBindingPattern(parameter.name))
        for (const element of parameter.name.elements)
          if (ts.isIdentifier(element.name) && element.name.text === name) {
            const fn = functionName(node);
            return fn && `${fn}#${index}.${(element.propertyName ?? element.name).getText()}`;
          }
    }
  }
  return undefined;
}

/** Whether `key` (full, dotted) is read by the code as `usage` describes. */
export function isKeyUsed(usage: MessageUsage, key: string): boolean {
  const parts = key.split(".");
  // t.raw("list") reads the subtree under "list".
  for (let i = parts.length; i > 0; i--) if (usage.exact.has(parts.slice(0, i).join("."))) return true;
  if (usage.patterns.some((pattern) => pattern.test(key))) return true;
  // t(code) with code from data: any key of that namespace the code spells somewhere.
  for (const namespace of usage.dynamicNamespaces) {
    const prefix = namespace ? `${namespace}.` : "";
    if (key.startsWith(prefix) && usage.dataLiterals.has(key.slice(prefix.length))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------
// User-facing text written in components

export type UiLiteral = { at: string; kind: string; text: string };

const TEXT_ATTRIBUTES = new Set(["aria-label", "alt", "title", "placeholder", "label"]);
const HAS_LETTER = /\p{L}/u;

/** Visible texts (JSX text, {"..."} children) and texts for people (aria-label, alt,
 * title, placeholder, label) written as literals instead of read from the messages. */
export function findUiLiterals(files: SourceFile[]): UiLiteral[] {
  const found: UiLiteral[] = [];
  for (const f of files)
    visit(f.source, (node) => {
      if (ts.isJsxText(node)) {
        const text = node.text.replace(/\s+/g, " ").trim();
        if (HAS_LETTER.test(text)) found.push({ at: where(f, node), kind: "text", text });
      }
      const literal = literalText(node);
      if (literal === undefined || !HAS_LETTER.test(literal)) return;
      const parent = node.parent;
      if (ts.isJsxExpression(parent) && (ts.isJsxElement(parent.parent) || ts.isJsxFragment(parent.parent)))
        found.push({ at: where(f, node), kind: "text", text: literal });
      const attribute = ts.isJsxExpression(parent) ? parent.parent : parent;
      if (ts.isJsxAttribute(attribute) && TEXT_ATTRIBUTES.has(attribute.name.getText(f.source)))
        found.push({ at: where(f, node), kind: attribute.name.getText(f.source), text: literal });
    });
  return found;
}
