//! `$filter`: the OData subset Graph answers for groups and conversations. Comparisons (`eq ne gt
//! ge lt le`), `and or not`, parentheses, `in (...)`, `startswith endswith contains`, lambdas on
//! collections (`groupTypes/any(c:c eq 'Unified')`), bare booleans, and date-time literals.
//! String comparisons ignore case, as Graph's do.

mod parse;

pub(crate) use parse::parse;

use crate::clock;
use serde_json::Value;
use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Cmp(Operand, Op, Operand),
    Func(StrFn, Operand, Operand),
    In(Operand, Vec<Operand>),
    Lambda { all: bool, path: Vec<String>, var: String, body: Option<Box<Expr>> },
    Truthy(Operand),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand {
    Path(Vec<String>),
    Lit(Value),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StrFn {
    StartsWith,
    EndsWith,
    Contains,
}

/// Why a filter was refused: bad syntax, or something valid OData that the service does not do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FilterError {
    Syntax(String),
    Unsupported(String),
}

impl Expr {
    /// The first segment of every property path, lambda variables excepted: what must exist.
    pub fn properties(&self, out: &mut Vec<String>) {
        self.walk(&mut Vec::new(), out)
    }

    fn walk(&self, vars: &mut Vec<String>, out: &mut Vec<String>) {
        let mut push = |o: &Operand, vars: &Vec<String>| {
            if let Operand::Path(p) = o {
                if let Some(first) = p.first() {
                    if !vars.contains(first) {
                        out.push(first.clone());
                    }
                }
            }
        };
        match self {
            Expr::And(a, b) | Expr::Or(a, b) => {
                a.walk(vars, out);
                b.walk(vars, out);
            }
            Expr::Not(a) => a.walk(vars, out),
            Expr::Cmp(a, _, b) | Expr::Func(_, a, b) => {
                push(a, vars);
                push(b, vars);
            }
            Expr::In(a, list) => {
                push(a, vars);
                list.iter().for_each(|o| push(o, vars));
            }
            Expr::Truthy(a) => push(a, vars),
            Expr::Lambda { path, var, body, .. } => {
                push(&Operand::Path(path.clone()), vars);
                if let Some(body) = body {
                    vars.push(var.clone());
                    body.walk(vars, out);
                    vars.pop();
                }
            }
        }
    }

    /// Whether `item` passes the filter.
    pub fn matches(&self, item: &Value) -> bool {
        self.eval(item, &mut Vec::new())
    }

    fn eval<'a>(&'a self, item: &'a Value, env: &mut Vec<(&'a str, &'a Value)>) -> bool {
        match self {
            Expr::And(a, b) => a.eval(item, env) && b.eval(item, env),
            Expr::Or(a, b) => a.eval(item, env) || b.eval(item, env),
            Expr::Not(a) => !a.eval(item, env),
            Expr::Cmp(a, op, b) => compare(&resolve(a, item, env), *op, &resolve(b, item, env)),
            Expr::Func(f, a, b) => match (resolve(a, item, env), resolve(b, item, env)) {
                (Value::String(x), Value::String(y)) => {
                    let (x, y) = (x.to_lowercase(), y.to_lowercase());
                    match f {
                        StrFn::StartsWith => x.starts_with(&y),
                        StrFn::EndsWith => x.ends_with(&y),
                        StrFn::Contains => x.contains(&y),
                    }
                }
                _ => false,
            },
            Expr::In(a, list) => {
                let v = resolve(a, item, env);
                list.iter().any(|o| compare(&v, Op::Eq, &resolve(o, item, env)))
            }
            Expr::Truthy(a) => resolve(a, item, env) == Value::Bool(true),
            Expr::Lambda { all, path, var, body } => {
                let Some(Value::Array(elems)) = lookup(path, item, env) else { return false };
                let Some(body) = body else { return !elems.is_empty() };
                let test = |e: &'a Value, env: &mut Vec<(&'a str, &'a Value)>| {
                    env.push((var.as_str(), e));
                    let ok = body.eval(item, env);
                    env.pop();
                    ok
                };
                if *all {
                    elems.iter().all(|e| test(e, env))
                } else {
                    elems.iter().any(|e| test(e, env))
                }
            }
        }
    }
}

fn lookup<'a>(path: &[String], item: &'a Value, env: &[(&'a str, &'a Value)]) -> Option<&'a Value> {
    let (first, rest) = path.split_first()?;
    let mut v = match env.iter().rev().find(|(name, _)| *name == first.as_str()) {
        Some((_, bound)) => *bound,
        None => item.get(first)?,
    };
    for seg in rest {
        v = v.get(seg)?;
    }
    Some(v)
}

fn resolve(o: &Operand, item: &Value, env: &[(&str, &Value)]) -> Value {
    match o {
        Operand::Lit(v) => v.clone(),
        Operand::Path(p) => lookup(p, item, env).cloned().unwrap_or(Value::Null),
    }
}

/// Orders two JSON values the way Graph sorts and compares them: date-times by instant, strings
/// without case, numbers numerically, `false < true`. `None` when they do not compare.
pub(crate) fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::String(x), Value::String(y)) => match (clock::parse_iso(x), clock::parse_iso(y)) {
            (Some(x), Some(y)) => Some(x.cmp(&y)),
            _ => Some(x.to_lowercase().cmp(&y.to_lowercase())),
        },
        (Value::Number(x), Value::Number(y)) => x.as_f64()?.partial_cmp(&y.as_f64()?),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        _ => None,
    }
}

fn compare(a: &Value, op: Op, b: &Value) -> bool {
    let ord = order(a, b);
    match op {
        Op::Eq => ord == Some(Ordering::Equal),
        Op::Ne => ord != Some(Ordering::Equal),
        _ if a.is_null() || b.is_null() => false,
        Op::Gt => ord == Some(Ordering::Greater),
        Op::Ge => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
        Op::Lt => ord == Some(Ordering::Less),
        Op::Le => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(filter: &str, item: &Value) -> bool {
        parse(filter).unwrap_or_else(|e| panic!("{filter}: {e:?}")).matches(item)
    }

    #[test]
    fn evaluates_what_graph_clients_send() {
        let g = json!({"displayName": "Contoso Marketing", "visibility": "Public", "mailEnabled": true,
            "groupTypes": ["Unified"], "createdDateTime": "2024-03-04T09:12:44Z", "size": 3,
            "from": {"emailAddress": {"name": "Olivia Owens"}}, "classification": null});
        for (f, want) in [
            ("visibility eq 'Public'", true),
            ("visibility eq 'public'", true),
            ("visibility ne 'Public'", false),
            ("startswith(displayName,'cont')", true),
            ("endswith(displayName, 'ing') and mailEnabled eq true", true),
            ("contains(displayName,'xyz') or not (size lt 3)", true),
            ("groupTypes/any(c:c eq 'Unified')", true),
            ("groupTypes/any(c:c eq 'DynamicMembership')", false),
            ("groupTypes/all(c:startswith(c, 'Uni'))", true),
            ("createdDateTime ge 2024-01-01T00:00:00Z and createdDateTime lt 2024-03-04T10:00:00+00:00", true),
            ("createdDateTime gt 2024-03-04T09:12:44Z", false),
            ("from/emailAddress/name eq 'olivia owens'", true),
            ("classification eq null", true),
            ("classification gt 'a'", false),
            ("visibility in ('Private', 'Public')", true),
            ("mailEnabled", true),
            ("missing eq 'x'", false),
            ("displayName eq 'It''s'", false),
        ] {
            assert_eq!(check(f, &g), want, "{f}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_do() {
        for f in ["", "visibility eq", "(visibility eq 'x'", "visibility eq 'x' extra", "a eq 'unterminated", "a eq #"]
        {
            assert!(matches!(parse(f), Err(FilterError::Syntax(_))), "{f}");
        }
        for f in ["tolower(displayName) eq 'x'", "substringof('a', displayName)", "flags has 'x'"] {
            assert!(matches!(parse(f), Err(FilterError::Unsupported(_))), "{f}");
        }
        let deep = format!("{}a eq 1{}", "(".repeat(500), ")".repeat(500));
        assert!(parse(&deep).is_err());
        let nots = format!("{}a", "not ".repeat(500));
        assert!(parse(&nots).is_err());
    }

    #[test]
    fn names_the_properties_it_reads() {
        let mut props = Vec::new();
        parse("groupTypes/any(c:c eq 'x') and startswith(mail,'a') or from/emailAddress/name eq 'b'")
            .unwrap()
            .properties(&mut props);
        assert_eq!(props, ["groupTypes", "mail", "from"]);
    }
}
