//! The `$filter` lexer and recursive-descent parser.

use super::{Expr, FilterError, Op, Operand, StrFn};
use crate::clock;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Lit(Value),
    LParen,
    RParen,
    Comma,
    Colon,
}

fn lex(s: &str) -> Result<Vec<(usize, Tok)>, FilterError> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let word = |i: &mut usize, ok: &dyn Fn(char) -> bool| -> String {
        let start = *i;
        while *i < chars.len() && ok(chars[*i]) {
            *i += 1;
        }
        chars[start..*i].iter().collect()
    };
    while i < chars.len() {
        let c = chars[i];
        let at = i;
        match c {
            _ if c.is_whitespace() => i += 1,
            '(' | ')' | ',' | ':' => {
                let t = match c {
                    '(' => Tok::LParen,
                    ')' => Tok::RParen,
                    ',' => Tok::Comma,
                    _ => Tok::Colon,
                };
                out.push((at, t));
                i += 1;
            }
            '\'' => {
                let mut lit = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(FilterError::Syntax(format!("unterminated string literal at position {at}")))
                        }
                        Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                            lit.push('\'');
                            i += 2;
                        }
                        Some('\'') => {
                            i += 1;
                            break;
                        }
                        Some(ch) => {
                            lit.push(*ch);
                            i += 1;
                        }
                    }
                }
                out.push((at, Tok::Lit(Value::String(lit))));
            }
            _ if c.is_ascii_digit() || (c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) => {
                i += 1;
                let rest = word(&mut i, &|ch| ch.is_ascii_alphanumeric() || ".:+-".contains(ch));
                let text = format!("{c}{rest}");
                let lit = if clock::parse_iso(&text).is_some() {
                    Value::String(text)
                } else if let Ok(n) = text.parse::<f64>() {
                    serde_json::Number::from_f64(n).map(Value::Number).unwrap_or(Value::Null)
                } else {
                    return Err(FilterError::Syntax(format!("'{text}' at position {at} is not a valid literal")));
                };
                out.push((at, Tok::Lit(lit)));
            }
            _ if c.is_alphabetic() || c == '_' || c == '@' => {
                let ident = word(&mut i, &|ch| ch.is_alphanumeric() || "_./@".contains(ch));
                out.push((at, Tok::Ident(ident)));
            }
            _ => return Err(FilterError::Syntax(format!("unexpected character '{c}' at position {at}"))),
        }
    }
    Ok(out)
}

const MAX_DEPTH: usize = 64;

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    depth: usize,
}

/// Parses a `$filter` value.
pub(crate) fn parse(s: &str) -> Result<Expr, FilterError> {
    let mut p = Parser { toks: lex(s)?, pos: 0, depth: 0 };
    if p.toks.is_empty() {
        return Err(FilterError::Syntax("the expression is empty".into()));
    }
    let e = p.or()?;
    match p.toks.get(p.pos) {
        None => Ok(e),
        Some((at, _)) => Err(FilterError::Syntax(format!("syntax error at position {at}"))),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }

    fn keyword(&self, kw: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(s)) if s.eq_ignore_ascii_case(kw))
    }

    fn expect(&mut self, t: Tok) -> Result<(), FilterError> {
        if self.peek() == Some(&t) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn error(&self) -> FilterError {
        match self.toks.get(self.pos) {
            Some((at, _)) => FilterError::Syntax(format!("syntax error at position {at}")),
            None => FilterError::Syntax("the expression ends too early".into()),
        }
    }

    fn or(&mut self) -> Result<Expr, FilterError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(FilterError::Syntax("the expression is nested too deeply".into()));
        }
        let mut e = self.and()?;
        while self.keyword("or") {
            self.pos += 1;
            e = Expr::Or(Box::new(e), Box::new(self.and()?));
        }
        self.depth -= 1;
        Ok(e)
    }

    fn and(&mut self) -> Result<Expr, FilterError> {
        let mut e = self.unary()?;
        while self.keyword("and") {
            self.pos += 1;
            e = Expr::And(Box::new(e), Box::new(self.unary()?));
        }
        Ok(e)
    }

    fn unary(&mut self) -> Result<Expr, FilterError> {
        if self.keyword("not") {
            self.pos += 1;
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(FilterError::Syntax("the expression is nested too deeply".into()));
            }
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        if self.peek() == Some(&Tok::LParen) {
            self.pos += 1;
            let e = self.or()?;
            self.expect(Tok::RParen)?;
            return Ok(e);
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, FilterError> {
        if let Some(Tok::Ident(name)) = self.peek().cloned() {
            if self.toks.get(self.pos + 1).map(|(_, t)| t) == Some(&Tok::LParen) {
                self.pos += 2;
                return self.call(&name);
            }
        }
        let left = self.operand()?;
        let op = match self.peek() {
            Some(Tok::Ident(s)) => s.to_ascii_lowercase(),
            _ => return Ok(Expr::Truthy(left)),
        };
        let op = match op.as_str() {
            "eq" => Op::Eq,
            "ne" => Op::Ne,
            "gt" => Op::Gt,
            "ge" => Op::Ge,
            "lt" => Op::Lt,
            "le" => Op::Le,
            "in" => {
                self.pos += 1;
                self.expect(Tok::LParen)?;
                let mut list = vec![self.operand()?];
                while self.peek() == Some(&Tok::Comma) {
                    self.pos += 1;
                    list.push(self.operand()?);
                }
                self.expect(Tok::RParen)?;
                return Ok(Expr::In(left, list));
            }
            "and" | "or" => return Ok(Expr::Truthy(left)),
            "has" | "add" | "sub" | "mul" | "div" | "mod" => {
                return Err(FilterError::Unsupported(format!("the '{op}' operator")))
            }
            _ => return Err(self.error()),
        };
        self.pos += 1;
        Ok(Expr::Cmp(left, op, self.operand()?))
    }

    fn call(&mut self, name: &str) -> Result<Expr, FilterError> {
        let lower = name.to_ascii_lowercase();
        if let Some(path) = lower.strip_suffix("/any").or_else(|| lower.strip_suffix("/all")) {
            let path: Vec<String> = name[..path.len()].split('/').map(str::to_string).collect();
            let all = lower.ends_with("/all");
            if self.peek() == Some(&Tok::RParen) && !all {
                self.pos += 1;
                return Ok(Expr::Lambda { all, path, var: String::new(), body: None });
            }
            let var = match self.peek() {
                Some(Tok::Ident(v)) if !v.contains('/') => v.clone(),
                _ => return Err(self.error()),
            };
            self.pos += 1;
            self.expect(Tok::Colon)?;
            let body = self.or()?;
            self.expect(Tok::RParen)?;
            return Ok(Expr::Lambda { all, path, var, body: Some(Box::new(body)) });
        }
        let f = match lower.as_str() {
            "startswith" => StrFn::StartsWith,
            "endswith" => StrFn::EndsWith,
            "contains" => StrFn::Contains,
            _ => return Err(FilterError::Unsupported(format!("the function '{name}'"))),
        };
        let a = self.operand()?;
        self.expect(Tok::Comma)?;
        let b = self.operand()?;
        self.expect(Tok::RParen)?;
        Ok(Expr::Func(f, a, b))
    }

    fn operand(&mut self) -> Result<Operand, FilterError> {
        let t = self.peek().cloned().ok_or_else(|| self.error())?;
        if let Some(Tok::LParen) = self.toks.get(self.pos + 1).map(|(_, t)| t) {
            if let Tok::Ident(name) = &t {
                return Err(FilterError::Unsupported(format!("the function '{name}'")));
            }
        }
        self.pos += 1;
        match t {
            Tok::Lit(v) => Ok(Operand::Lit(v)),
            Tok::Ident(s) => Ok(match s.to_ascii_lowercase().as_str() {
                "true" => Operand::Lit(Value::Bool(true)),
                "false" => Operand::Lit(Value::Bool(false)),
                "null" => Operand::Lit(Value::Null),
                _ if s.split('/').any(str::is_empty) => {
                    return Err(FilterError::Syntax(format!("'{s}' is not a property path")))
                }
                _ => Operand::Path(s.split('/').map(str::to_string).collect()),
            }),
            _ => {
                self.pos -= 1;
                Err(self.error())
            }
        }
    }
}
