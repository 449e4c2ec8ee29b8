package org.riskgate.selectivity.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.riskgate.core.evidence.Phrase;
import org.riskgate.selectivity.Lane;

/**
 * Turns rule text into compiled rules, or into a list of located problems. Parsing stops at syntax
 * errors (checking names in a tree ANTLR had to repair would only add confusing messages); when
 * the syntax is right every rule is checked and all problems are reported together.
 */
final class Compiler {
  private final String source;
  private final org.riskgate.selectivity.watch.Watchlists watchlists;
  private final List<RuleProblem> problems = new ArrayList<>();

  private Compiler(String source, org.riskgate.selectivity.watch.Watchlists watchlists) {
    this.source = source;
    this.watchlists = watchlists;
  }

  static List<CompiledRule> compile(String text, String source, org.riskgate.selectivity.watch.Watchlists watchlists) {
    return new Compiler(source, watchlists).run(text);
  }

  private List<CompiledRule> run(String text) {
    RulesLexer lexer = new RulesLexer(CharStreams.fromString(text, source));
    RulesParser parser = new RulesParser(new CommonTokenStream(lexer));
    BaseErrorListener listener = new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
          String msg, RecognitionException e) {
        Phrase words = syntax(msg);
        if (offending instanceof Token t && t.getType() == RulesLexer.UNKNOWN) {
          // A stray character: ANTLR's expectation list would mislead, say what the character is.
          words = RuleProblem.words(t.getText().equals("'") ? "syntax.quote" : "syntax.character", t.getText());
        }
        problems.add(new RuleProblem(source, line, col + 1, words));
      }
    };
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
    lexer.addErrorListener(listener);
    parser.addErrorListener(listener);
    RulesParser.FileContext file = parser.file();
    if (!problems.isEmpty()) {
      throw new RulesException(problems);
    }
    List<CompiledRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (RulesParser.RuleDefContext def : file.ruleDef()) {
      int before = problems.size();
      CompiledRule rule = rule(def);
      if (!ids.add(rule.info().id())) {
        problem(def.name, "rule.duplicate", rule.info().id());
      }
      if (problems.size() == before) {
        rules.add(rule);
      }
    }
    if (!problems.isEmpty()) {
      throw new RulesException(problems);
    }
    return List.copyOf(rules);
  }

  private static final Pattern UNEXPECTED = Pattern.compile("(?:extraneous|mismatched) input (.*) expecting (.*)");
  private static final Pattern CANNOT_READ = Pattern.compile("no viable alternative at input (.*)");
  private static final Pattern MISSING = Pattern.compile("missing (.*) at (.*)");
  /** ANTLR's token names, each with its words for analysts. */
  private static final Map<String, String> TOKENS = Map.of("<EOF>", "token.eof", "STRING", "token.string",
      "NUMBER", "token.number", "DATE", "token.date", "IDENT", "token.ident");

  /**
   * ANTLR's report of a syntax error as a problem's words: the kind of error with what was found
   * and what was expected, its token names readable for analysts in their language.
   */
  private static Phrase syntax(String msg) {
    Matcher m;
    if ((m = UNEXPECTED.matcher(msg)).matches()) {
      return RuleProblem.words("syntax.unexpected", tokens(m.group(1)), tokens(m.group(2)));
    }
    if ((m = CANNOT_READ.matcher(msg)).matches()) {
      return RuleProblem.words("syntax.cannotRead", tokens(m.group(1)));
    }
    if ((m = MISSING.matcher(msg)).matches()) {
      return RuleProblem.words("syntax.missing", tokens(m.group(1)), tokens(m.group(2)));
    }
    return RuleProblem.words("written", msg);
  }

  /**
   * A token or ANTLR's set of them ({@code {'rule', <EOF>}}), each token name in words; text
   * that is not a token name reads as written.
   */
  private static Object tokens(String text) {
    boolean set = text.length() > 1 && text.startsWith("{") && text.endsWith("}");
    Object out = null;
    for (String t : (set ? text.substring(1, text.length() - 1) : text).split(", ", -1)) {
      Object one = token(t);
      out = out == null ? one : RuleProblem.words("tokens.list", out, one);
    }
    return set ? RuleProblem.words("tokens.set", out) : out;
  }

  /** One token: a token name in words, quoted as ANTLR quoted it ('<EOF>' where found), else as written. */
  private static Object token(String t) {
    String bare = t.length() > 2 && t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : t;
    if (!TOKENS.containsKey(bare)) {
      return t;
    }
    Phrase words = RuleProblem.words(TOKENS.get(bare));
    return bare.equals(t) ? words : RuleProblem.words("tokens.quoted", words);
  }

  private CompiledRule rule(RulesParser.RuleDefContext def) {
    String id = unquote(def.name);
    if (id.isBlank()) {
      problem(def.name, "rule.blankName");
    }
    String owner = "";
    Optional<LocalDate> from = Optional.empty();
    Optional<LocalDate> to = Optional.empty();
    for (RulesParser.HeaderContext h : def.header()) {
      switch (h) {
        case RulesParser.OwnerClauseContext o -> owner = unquote(o.owner);
        case RulesParser.ValidRangeContext r -> {
          from = date(r.from);
          to = date(r.to);
        }
        case RulesParser.ValidFromContext f -> from = date(f.from);
        case RulesParser.ValidToContext t -> to = date(t.to);
        default -> throw new IllegalStateException("grammar and compiler disagree: " + h.getText());
      }
    }
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      problem(def.start, "rule.validOrder", id, to.get().toString(), from.get().toString());
    }
    Optional<Lane> lane = Optional.empty();
    double delta = 0;
    List<String> reasons = new ArrayList<>();
    for (RulesParser.ActionContext a : def.action()) {
      switch (a) {
        case RulesParser.LaneActionContext l -> {
          if (lane.isPresent()) {
            problem(l.start, "rule.laneTwice", id);
          }
          lane = Optional.of(Lane.valueOf(l.lane.getText().toUpperCase(java.util.Locale.ROOT)));
        }
        case RulesParser.AddActionContext s -> delta += Double.parseDouble(s.amount.getText());
        case RulesParser.ReasonActionContext r -> reasons.add(unquote(r.text));
        default -> throw new IllegalStateException("grammar and compiler disagree: " + a.getText());
      }
    }
    String condText = text(def.cond);
    String reason = reasons.isEmpty() ? RuleInfo.unwritten(id, condText).english() : String.join("; ", reasons);
    Condition cond = condition(def.cond);
    return new CompiledRule(new RuleInfo(id, owner, from, to, condText, lane, delta, reason,
        def.start.getLine()), cond);
  }

  private Condition condition(RulesParser.ExprContext e) {
    return switch (e) {
      case RulesParser.ParensContext p -> condition(p.expr());
      case RulesParser.NotContext n -> new Condition.Not(condition(n.expr()));
      case RulesParser.AndContext a -> new Condition.And(condition(a.expr(0)), condition(a.expr(1)));
      case RulesParser.OrContext o -> new Condition.Or(condition(o.expr(0)), condition(o.expr(1)));
      case RulesParser.CompareContext c -> compare(c);
      case RulesParser.InListContext l -> inList(l);
      case RulesParser.InWatchlistContext w -> inWatchlist(w);
      case RulesParser.StartsWithContext s -> startsWith(s);
      default -> throw new IllegalStateException("grammar and compiler disagree: " + e.getText());
    };
  }

  /** Resolves a name; an unknown bare name is a problem at its position (null then). */
  private Fields.Def field(RulesParser.RefContext ref) {
    String name = ref.getText();
    if (ref.IDENT().size() > 1) {
      if (!Fields.isFeatureOrAttribute(name)) {
        problem(ref.start, "field.unknownFeature", name.substring(Fields.FEATURE.length()));
        return null;
      }
      return Fields.attribute(name);
    }
    Optional<Fields.Def> def = Fields.lookup(name);
    if (def.isEmpty()) {
      problem(ref.start, "field.unknown", name, Fields.knownNames());
      return null;
    }
    return def.get();
  }

  private Condition compare(RulesParser.CompareContext c) {
    Fields.Def f = field(c.ref());
    Condition.Op op = switch (c.op.getType()) {
      case RulesParser.EQ -> Condition.Op.EQ;
      case RulesParser.NEQ -> Condition.Op.NEQ;
      case RulesParser.LT -> Condition.Op.LT;
      case RulesParser.LE -> Condition.Op.LE;
      case RulesParser.GT -> Condition.Op.GT;
      default -> Condition.Op.GE;
    };
    if (f == null) {
      return FALSE;
    }
    RulesParser.LiteralContext lit = c.literal();
    if (!typeMatches(f, lit)) {
      return FALSE;
    }
    return switch (f.type()) {
      case TEXT -> {
        if (op != Condition.Op.EQ && op != Condition.Op.NEQ) {
          problem(c.op, "operator.needsOrder", c.op.getText(), f.name());
          yield FALSE;
        }
        yield new Condition.TextCompare(f.text(), op, unquote(lit.STRING().getSymbol()));
      }
      case NUMBER -> new Condition.NumberCompare(f.number(), op, Double.parseDouble(lit.getText()));
      case DATE -> date(lit.DATE().getSymbol())
          .<Condition>map(d -> new Condition.DateCompare(f.date(), op, d)).orElse(FALSE);
    };
  }

  private Condition inList(RulesParser.InListContext l) {
    Fields.Def f = field(l.ref());
    if (f == null) {
      return FALSE;
    }
    boolean negated = l.NOT() != null;
    boolean ok = true;
    for (RulesParser.LiteralContext lit : l.literal()) {
      ok &= typeMatches(f, lit);
    }
    if (!ok) {
      return FALSE;
    }
    return switch (f.type()) {
      case TEXT -> {
        Set<String> values = new LinkedHashSet<>();
        l.literal().forEach(lit -> values.add(unquote(lit.STRING().getSymbol())));
        yield new Condition.TextIn(f.text(), Set.copyOf(values), negated);
      }
      case NUMBER -> new Condition.NumberIn(f.number(),
          l.literal().stream().mapToDouble(lit -> Double.parseDouble(lit.getText())).toArray(),
          negated);
      case DATE -> {
        Set<LocalDate> values = new HashSet<>();
        l.literal().forEach(lit -> date(lit.DATE().getSymbol()).ifPresent(values::add));
        yield new Condition.DateIn(f.date(), Set.copyOf(values), negated);
      }
    };
  }

  /** {@code FIELD in watchlist "NAME"}: the list must exist now and hold values of that field. */
  private Condition inWatchlist(RulesParser.InWatchlistContext w) {
    Fields.Def f = field(w.ref());
    if (f == null) {
      return FALSE;
    }
    String name = unquote(w.list);
    java.util.Optional<org.riskgate.selectivity.watch.Watchlist> list = watchlists.named(name);
    if (list.isEmpty()) {
      if (watchlists.all().isEmpty()) {
        problem(w.list, "watchlist.noneLoaded", name);
      } else {
        problem(w.list, "watchlist.unknown", name,
            String.join(", ", watchlists.all().stream().map(x -> "\"" + x.name() + "\"").toList()));
      }
      return FALSE;
    }
    if (!list.get().kind().fields().contains(f.name())) {
      problem(w.ref().start, "watchlist.kind", name, list.get().kind().label(),
          String.join(", ", list.get().kind().fields()), f.name());
      return FALSE;
    }
    return new Condition.InWatchlist(f.text(), name, watchlists, w.NOT() != null);
  }

  private Condition startsWith(RulesParser.StartsWithContext s) {
    Fields.Def f = field(s.ref());
    if (f == null) {
      return FALSE;
    }
    if (f.type() != Fields.Type.TEXT) {
      problem(s.STARTSWITH().getSymbol(), "startswith.text", f.name(), f.type().words());
      return FALSE;
    }
    List<String> prefixes = s.prefixes().STRING().stream().map(t -> unquote(t.getSymbol())).toList();
    return new Condition.StartsWith(f.text(), prefixes);
  }

  private boolean typeMatches(Fields.Def f, RulesParser.LiteralContext lit) {
    Fields.Type given = lit.STRING() != null ? Fields.Type.TEXT
        : lit.NUMBER() != null ? Fields.Type.NUMBER : Fields.Type.DATE;
    if (given == f.type()) {
      return true;
    }
    boolean code = f.type() == Fields.Type.TEXT && given == Fields.Type.NUMBER;
    problem(lit.start, code ? "type.code" : "type.mismatch", f.name(), f.type().words(), lit.getText(), given.words());
    return false;
  }

  /** Stands in for a condition that had a problem; never evaluated since the file is refused. */
  private static final Condition FALSE = new Condition.Not(new Condition.StartsWith(in -> "", List.of("")));

  private Optional<LocalDate> date(Token t) {
    try {
      return Optional.of(LocalDate.parse(t.getText()));
    } catch (DateTimeException e) {
      problem(t, "date.invalid", t.getText());
      return Optional.empty();
    }
  }

  private static String unquote(Token t) {
    String s = t.getText();
    return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** The source text of a condition on one line: line breaks and indents become single spaces. */
  private static String text(ParserRuleContext ctx) {
    String raw = ctx.start.getInputStream()
        .getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
    StringBuilder b = new StringBuilder(raw.length());
    boolean quoted = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '"' && (i == 0 || raw.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      // Spaces inside a string are part of the value and stay as written.
      if (!quoted && Character.isWhitespace(c)) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
          b.append(' ');
        }
      } else {
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  /** A problem at a token: a code of {@link RuleProblem#BUNDLE} and its arguments (text or phrases). */
  private void problem(Token at, String code, Object... args) {
    problems.add(new RuleProblem(source, at.getLine(), at.getCharPositionInLine() + 1, RuleProblem.words(code, args)));
  }
}
