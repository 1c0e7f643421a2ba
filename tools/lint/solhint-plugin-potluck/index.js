// Potluck's own solhint rules, for conventions of this codebase that solhint's built-in rules cannot be
// configured to check (see docs/lint.md). Enabled in .solhint.json as "potluck/<rule>"; loaded by solhint as
// the `solhint-plugin-potluck` package (a file: devDependency of the root package).
"use strict";

const BaseChecker = require("solhint/lib/rules/base-checker");

const MIXED_CASE = /^_?[a-z][A-Za-z0-9]*$/;

function isContractLike(node) {
  return node.kind === "contract" || node.kind === "abstract";
}

function isPublicLike(node) {
  return node.visibility === "public" || node.visibility === "external";
}

function isSpecialFunction(node) {
  return node.isConstructor || node.isReceiveEther || node.isFallback || !node.name;
}

// The `///` NatSpec lines right above `node`, joined (this codebase writes NatSpec with `///` only).
function natspecAbove(inputSrc, node) {
  const before = inputSrc.slice(0, node.range[0]).split("\n");
  before.pop(); // the declaration's own line, up to the node
  const lines = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const line = before[i].trim();
    if (!line.startsWith("///")) break;
    lines.unshift(line);
  }
  return lines.join("\n");
}

const meta = (description) => ({
  type: "naming",
  docs: { description, category: "Potluck" },
  recommended: false,
  defaultSetup: "error",
  schema: null,
});

// solhint's `private-vars-leading-underscore` in strict mode, but with constants left to
// `const-name-snakecase`: this codebase names private and internal constants UPPER_SNAKE_CASE without an
// underscore (OpenZeppelin's style), and everything else that is private or internal with one.
class PrivateVarsLeadingUnderscore extends BaseChecker {
  constructor(reporter) {
    super(reporter, "private-vars-leading-underscore", meta("`_` on private/internal names only; not on constants"));
    this.inLibrary = false;
    this.inStateVariable = false;
  }

  ContractDefinition(node) {
    this.inLibrary = node.kind === "library";
  }

  "ContractDefinition:exit"() {
    this.inLibrary = false;
  }

  StateVariableDeclaration() {
    this.inStateVariable = true;
  }

  "StateVariableDeclaration:exit"() {
    this.inStateVariable = false;
  }

  FunctionDefinition(node) {
    if (this.inLibrary || !node.name) return;
    this.check(node, node.name, !isPublicLike(node), "function");
  }

  VariableDeclaration(node) {
    if (this.inLibrary || !node.name) return;
    if (!this.inStateVariable) {
      this.check(node, node.name, false, "local variable or parameter");
      return;
    }
    if (node.isDeclaredConst) return;
    this.check(node, node.name, node.visibility !== "public", `${node.visibility} state variable`);
  }

  check(node, name, wantUnderscore, what) {
    if (name.startsWith("_") === wantUnderscore) return;
    this.error(node, `'${name}' (${what}) ${wantUnderscore ? "should" : "should not"} start with _`);
  }
}

// The section order this codebase's contracts follow (as Juicebox's do):
//   using-for → errors → events → constants → immutables → storage → modifiers → constructor
//   → views (external/public view or pure) → transactions (external/public, receive, fallback)
//   → internal and private functions.
// Type definitions (struct, enum, user-defined value types) may sit anywhere before the first modifier or
// function, next to the storage that uses them (an ERC-7201 struct beside its slot constant). Interfaces
// and libraries group their functions by topic, so only their declarations are ordered. At file level:
// pragmas, then imports, then declarations.
// With the option { "topical": true } (tests and mocks, grouped by what they exercise) contracts are ordered
// like interfaces, and constants, immutables and storage form one section.
class Ordering extends BaseChecker {
  constructor(reporter, config) {
    super(reporter, "ordering", meta("the codebase's section order inside contracts"));
    const setting = config && config.rules && config.rules["potluck/ordering"];
    this.topical = Array.isArray(setting) && Boolean(setting[1] && setting[1].topical);
  }

  SourceUnit(node) {
    this.checkOrder(node.children, (child) => {
      if (child.type === "PragmaDirective") return [0, "pragma"];
      if (child.type === "ImportDirective") return [10, "import"];
      return [20, "declaration"];
    });
  }

  ContractDefinition(node) {
    const topical = this.topical || !isContractLike(node);
    this.checkOrder(node.subNodes, (child) => Ordering.rank(child, topical));
  }

  static rank(node, topical) {
    switch (node.type) {
      case "UsingForDeclaration":
        return [0, "using-for declaration"];
      case "StructDefinition":
      case "EnumDefinition":
      case "TypeDefinition":
        return [null, "type definition"];
      case "CustomErrorDefinition":
        return [10, "custom error"];
      case "EventDefinition":
        return [20, "event"];
      case "StateVariableDeclaration": {
        const v = node.variables[0];
        if (topical) return [30, "state variable"];
        if (v.isDeclaredConst) return [30, "constant"];
        if (v.isImmutable) return [31, "immutable"];
        return [32, "storage variable"];
      }
      case "ModifierDefinition":
        return [40, "modifier"];
      case "FunctionDefinition": {
        if (node.isConstructor) return [50, "constructor"];
        if (topical) return [60, "function"];
        if (node.isReceiveEther || node.isFallback) return [70, "transaction (receive/fallback)"];
        if (!isPublicLike(node)) return [80, "internal or private function"];
        if (node.stateMutability === "view" || node.stateMutability === "pure") return [60, "view"];
        return [70, "transaction"];
      }
      default:
        return [null, node.type];
    }
  }

  checkOrder(children, rank) {
    let max = -1;
    let maxNode = null;
    let maxLabel = "";
    for (const child of children) {
      const [value, label] = rank(child);
      if (value === null) {
        // A type definition: only before the modifiers and functions.
        if (max >= 40) this.report(child, label, maxNode, maxLabel);
        continue;
      }
      if (value < max) {
        this.report(child, label, maxNode, maxLabel);
        continue;
      }
      max = value;
      maxNode = child;
      maxLabel = label;
    }
  }

  report(node, label, before, beforeLabel) {
    this.error(
      node,
      `${label} after the ${beforeLabel} at line ${before.loc.start.line} (sections: using-for, errors, events, ` +
        "constants, immutables, storage, modifiers, constructor, views, transactions, internal)",
    );
  }
}

// solhint's `comprehensive-interface` asks for the `override` keyword, optional since Solidity 0.8.8 when
// implementing an interface. This codebase marks each implementation with `/// @inheritdoc I…` instead,
// which solc rejects unless the function really implements that interface's function: so every external or
// public function and public variable of a contract must carry `@inheritdoc` (or `override`).
class InheritdocInterface extends BaseChecker {
  constructor(reporter, config, inputSrc) {
    super(reporter, "inheritdoc-interface", meta("public functions implement a documented interface"));
    this.inputSrc = inputSrc;
    this.inContract = false;
  }

  ContractDefinition(node) {
    this.inContract = isContractLike(node);
  }

  "ContractDefinition:exit"() {
    this.inContract = false;
  }

  FunctionDefinition(node) {
    if (!this.inContract || !isPublicLike(node) || isSpecialFunction(node)) return;
    this.check(node, `function ${node.name}`);
  }

  StateVariableDeclaration(node) {
    const v = node.variables[0];
    if (!this.inContract || v.visibility !== "public") return;
    this.check(node, `variable ${v.name}`);
  }

  check(node, what) {
    if (node.override || (node.variables && node.variables[0].override)) return;
    if (/@inheritdoc\s+\w+/.test(natspecAbove(this.inputSrc, node))) return;
    this.error(node, `public ${what} implements no interface: declare it in one and mark it /// @inheritdoc`);
  }
}

// Names in Solidity tests (`*.t.sol`). The runner calls every public function whose name starts with `test`
// or `invariant` and nothing else, so a misnamed test silently never runs. In a test contract (its name ends
// in `Test`, or it declares test or invariant functions), public functions are `setUp`, `afterInvariant`, and
// tests named `test_<subject>_<behaviour>`, `testFuzz_…` or `invariant_…` (one or two mixedCase parts after
// the prefix); `testFail…` is refused by the runner. A deliberate public helper (an external wrapper for
// `vm.expectRevert`) says so with an inline disable. Every other function is mixedCase.
class TestFunctionNaming extends BaseChecker {
  constructor(reporter, config, inputSrc, fileName) {
    super(reporter, "test-function-naming", meta("Solidity test names the runner runs"));
    this.active = typeof fileName === "string" && fileName.endsWith(".t.sol");
    this.testContract = false;
  }

  static isTestName(name) {
    return /^(test|testFuzz|invariant)_[A-Za-z0-9]+(_[A-Za-z0-9]+)?$/.test(name);
  }

  ContractDefinition(node) {
    this.testContract =
      isContractLike(node) &&
      (node.name.endsWith("Test") ||
        node.subNodes.some((n) => n.type === "FunctionDefinition" && /^(test|invariant)/.test(n.name || "")));
  }

  "ContractDefinition:exit"() {
    this.testContract = false;
  }

  FunctionDefinition(node) {
    if (!this.active || isSpecialFunction(node)) return;
    const name = node.name;
    const runnable = isPublicLike(node);
    if (/^(test|invariant)/i.test(name)) {
      if (/^testFail/.test(name)) {
        this.error(node, `${name}: the runner refuses testFail…; expect the revert with vm.expectRevert`);
      } else if (!TestFunctionNaming.isTestName(name)) {
        this.error(node, `${name}: name tests test_<subject>_<behaviour>, testFuzz_… or invariant_…`);
      } else if (!runnable) {
        this.error(node, `${name} is not public or external: the runner will never call it`);
      }
      return;
    }
    if (this.testContract && runnable && name !== "setUp" && name !== "afterInvariant") {
      this.error(node, `${name} is public in a test contract but is no test: make it internal, or name it test_…`);
      return;
    }
    if (!MIXED_CASE.test(name)) this.error(node, `${name}: function names are mixedCase`);
  }
}

module.exports = [PrivateVarsLeadingUnderscore, Ordering, InheritdocInterface, TestFunctionNaming];
