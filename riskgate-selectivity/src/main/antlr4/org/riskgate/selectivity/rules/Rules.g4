// The analysts' selectivity rules language; docs/rules.md is its reference.
grammar Rules;

file
  : ruleDef* EOF
  ;

ruleDef
  : RULE name=STRING header* WHEN cond=expr THEN action (COMMA action)*
  ;

header
  : OWNER owner=STRING                        # ownerClause
  | VALID from=DATE TO to=DATE                # validRange
  | VALID FROM from=DATE                      # validFrom
  | VALID TO to=DATE                          # validTo
  ;

// Alternatives are listed tightest first: not binds before and, and before or.
expr
  : LPAREN expr RPAREN                        # parens
  | NOT expr                                  # not
  | expr AND expr                             # and
  | expr OR expr                              # or
  | ref op=(EQ | NEQ | LT | LE | GT | GE) literal   # compare
  | ref NOT? IN LBRACK literal (COMMA literal)* RBRACK  # inList
  | ref NOT? IN WATCHLIST list=STRING         # inWatchlist
  | ref STARTSWITH prefixes                   # startsWith
  ;

prefixes
  : STRING
  | LBRACK STRING (COMMA STRING)* RBRACK
  ;

ref
  : IDENT (DOT IDENT)*
  ;

literal
  : STRING
  | NUMBER
  | DATE
  ;

action
  : LANE lane=(RED | YELLOW | GREEN)           # laneAction
  | ADD amount=NUMBER                         # addAction
  | REASON text=STRING                        # reasonAction
  ;

RULE       : 'rule';
OWNER      : 'owner';
VALID      : 'valid';
FROM       : 'from';
TO         : 'to';
WHEN       : 'when';
THEN       : 'then';
AND        : 'and';
OR         : 'or';
NOT        : 'not';
IN         : 'in';
STARTSWITH : 'startswith';
WATCHLIST  : 'watchlist';
LANE       : 'lane';
ADD        : 'add';
REASON     : 'reason';
RED        : 'red';
YELLOW     : 'yellow';
GREEN      : 'green';

EQ     : '=';
NEQ    : '!=';
LE     : '<=';
GE     : '>=';
LT     : '<';
GT     : '>';
LPAREN : '(';
RPAREN : ')';
LBRACK : '[';
RBRACK : ']';
COMMA  : ',';
DOT    : '.';

DATE   : [0-9] [0-9] [0-9] [0-9] '-' [0-9] [0-9] '-' [0-9] [0-9];
NUMBER : '-'? [0-9]+ ('.' [0-9]+)?;
STRING : '"' (~["\\\r\n] | '\\' ["\\])* '"';
IDENT  : [a-zA-Z_] [a-zA-Z_0-9]*;

COMMENT    : ('#' | '//') ~[\r\n]* -> skip;
WHITESPACE : [ \t\r\n]+ -> skip;
// Anything else is one bad character, so the parser reports it with its position.
UNKNOWN    : .;
