"""LaTeX math to readable Unicode for the terminal: Σᵢ, x̂, ‖w‖², (a + b)/(2m).

Covers the notation the theory pages use; an unknown command is shown by its name, never lost.
"""

from __future__ import annotations

SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω", "sum": "Σ", "prod": "Π", "int": "∫", "partial": "∂", "nabla": "∇",
    "infty": "∞", "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "le": "≤",
    "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "equiv": "≡",
    "sim": "∼", "propto": "∝", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆",
    "cup": "∪", "cap": "∩", "to": "→", "rightarrow": "→", "leftarrow": "←",
    "Rightarrow": "⇒", "mapsto": "↦", "gets": "←", "forall": "∀", "exists": "∃",
    "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖", "lvert": "|", "rvert": "|", "mid": "|",
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
    "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "circ": "∘", "top": "ᵀ", "intercal": "ᵀ",
    "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "ell": "ℓ",
    "log": "log", "ln": "ln", "exp": "exp", "max": "max", "min": "min", "arg": "arg",
    "argmax": "argmax", "argmin": "argmin", "sin": "sin", "cos": "cos", "tanh": "tanh",
    "det": "det", "tr": "tr", "Pr": "Pr", "lim": "lim", "sup": "sup", "inf": "inf",
    "quad": "  ", "qquad": "    ", ",": " ", ";": " ", ":": " ", "!": "", " ": " ",
    "{": "{", "}": "}", "_": "_", "%": "%", "&": "&", "#": "#", "$": "$", "\\": "\n",
    "left": "", "right": "", "big": "", "Big": "", "bigg": "", "Bigg": "", "bigl": "",
    "bigr": "", "Bigl": "", "Bigr": "", "displaystyle": "", "limits": "", "nolimits": "",
    "star": "⋆", "ast": "∗", "emptyset": "∅", "neg": "¬", "land": "∧", "lor": "∨",
}
DOUBLE_STRUCK = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ"}
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0304",
           "tilde": "\u0303", "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308",
           "vec": "\u20d7"}
PLAIN_FONTS = {"mathrm", "mathbf", "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "text",
               "textrm", "textbf", "textit", "operatorname", "mathcal", "mathscr", "mbox",
               "boxed"}
SUPERSCRIPT = dict(zip("0123456789+-=()niTabcdefghijklmoprstuvwxyz⊤ᵀ′*",
                       "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀᵀ′*", strict=True))
SUBSCRIPT = dict(zip("0123456789+-=()aehijklmnoprstuvxβγρφχ",
                     "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ", strict=True))


class _Parser:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0

    def parse(self, stop: str | None = None) -> str:
        out: list[str] = []
        while self.i < len(self.s):
            c = self.s[self.i]
            if stop is not None and c == stop:
                self.i += 1
                return "".join(out)
            if c == "{":
                self.i += 1
                out.append(self.parse("}"))
            elif c == "\\":
                out.append(self.command())
            elif c in "^_":
                self.i += 1
                arg = self.argument()
                out.append(_script(arg, SUPERSCRIPT if c == "^" else SUBSCRIPT, c))
            elif c == "~":
                self.i += 1
                out.append(" ")
            else:
                self.i += 1
                out.append(c)
        return "".join(out)

    def argument(self) -> str:
        while self.i < len(self.s) and self.s[self.i] == " ":
            self.i += 1
        if self.i >= len(self.s):
            return ""
        c = self.s[self.i]
        if c == "{":
            self.i += 1
            return self.parse("}")
        if c == "\\":
            return self.command()
        self.i += 1
        return c

    def command(self) -> str:
        self.i += 1
        start = self.i
        while self.i < len(self.s) and self.s[self.i].isalpha():
            self.i += 1
        name = self.s[start:self.i]
        if not name and self.i < len(self.s):
            name = self.s[self.i]
            self.i += 1
        if name == "frac" or name == "dfrac" or name == "tfrac":
            num, den = self.argument(), self.argument()
            gap = " " if self.i < len(self.s) and (self.s[self.i].isalnum()
                                                  or self.s[self.i] == "\\") else ""
            return f"{_group(num, loose=True)}/{_group(den)}{gap}"
        if name == "sqrt":
            arg = self.argument()
            return f"√{_group(arg)}"
        if name == "mathbb":
            arg = self.argument()
            return "".join(DOUBLE_STRUCK.get(ch, ch) for ch in arg)
        if name in ACCENTS:
            arg = self.argument()
            return arg + ACCENTS[name] if len(arg) == 1 else f"{arg}{ACCENTS[name]}"
        if name in PLAIN_FONTS:
            return self.argument()
        if name in ("begin", "end"):
            environment = self.argument()
            if "matrix" in environment:
                return "[" if name == "begin" else "]"
            return ""
        if name in SYMBOLS:
            word = SYMBOLS[name]
            # keep "log x" and "log det Σ" apart, but not "log(x)"
            if word.isalpha() and len(word) > 1 and self.i < len(self.s) and (
                    self.s[self.i].isalnum() or self.s[self.i] == "\\"):
                return word + " "
            return word
        return name


SCRIPT_CHARS = set(SUPERSCRIPT.values()) | set(SUBSCRIPT.values())


def _is_atom(text: str) -> bool:
    """One number or one symbol, with only sub- and superscripts attached."""
    core = text
    while core and core[-1] in SCRIPT_CHARS:
        core = core[:-1]
    while core.endswith(")") and "^(" in core or "_(" in core and core.endswith(")"):
        cut = max(core.rfind("^("), core.rfind("_("))
        if cut <= 0:
            break
        core = core[:cut]
    return len(core) == 1 or core.replace(".", "").isdigit()


def _group(text: str, loose: bool = False) -> str:
    """Parenthesise a fraction's part unless it is unambiguous without."""
    text = text.strip()
    if _is_atom(text) or (text.startswith("(") and text.endswith(")") and text.count("(") == 1):
        return text
    if loose and " " not in text and not any(op in text for op in "+-/"):
        return text
    return f"({text})"


def _script(arg: str, table: dict[str, str], mark: str) -> str:
    if arg and all(ch in table for ch in arg):
        return "".join(table[ch] for ch in arg)
    if len(arg) == 1:
        return mark + arg
    return f"{mark}({arg})"


def latex_to_unicode(latex: str) -> str:
    latex = latex.replace("\n", " ")
    if "matrix" in latex:  # rows and cells of a matrix: "[a, b; c, d]"
        latex = latex.replace("\\\\", ";").replace("&", ",")
    text = _Parser(latex).parse()
    return " ".join(text.split()) if "\n" not in text else text
