//! HTTP messages as the corpora write them, so that seeds stay readable and mutations land on
//! meaningful parts: `METHOD target\n`, then `Name: value\n` lines, a blank line, the body.

/// Header lines up to the first blank line (or the end), and what follows it.
pub fn split_headers(data: &[u8]) -> (Vec<(String, String)>, &[u8]) {
    let mut headers = Vec::new();
    let mut rest = data;
    loop {
        let cut = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let line = &rest[..cut];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        rest = rest.get(cut + 1..).unwrap_or_default();
        if line.is_empty() {
            return (headers, rest);
        }
        let text = String::from_utf8_lossy(line);
        let (name, value) = text.split_once(':').unwrap_or((&text, ""));
        headers.push((name.trim().to_string(), value.trim_start().to_string()));
    }
}

/// A request: method, target (path and query), headers, body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRequest {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl TextRequest {
    pub fn parse(data: &[u8]) -> Option<TextRequest> {
        let cut = data.iter().position(|&b| b == b'\n')?;
        let first = std::str::from_utf8(&data[..cut]).ok()?;
        let (method, target) = first.trim_end_matches('\r').split_once(' ')?;
        let (headers, body) = split_headers(&data[cut + 1..]);
        Some(TextRequest { method: method.into(), target: target.into(), headers, body: body.to_vec() })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = format!("{} {}\n", self.method, self.target).into_bytes();
        for (name, value) in &self.headers {
            out.extend_from_slice(format!("{name}: {value}\n").as_bytes());
        }
        out.push(b'\n');
        out.extend_from_slice(&self.body);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_reads_back_as_written() {
        let req = TextRequest {
            method: "POST".into(),
            target: "/v1.0/me/messages?$top=2".into(),
            headers: vec![("Authorization".into(), "Bearer emulator:member@contoso.test".into())],
            body: b"{\"subject\":\"a\nb\"}".to_vec(),
        };
        assert_eq!(TextRequest::parse(&req.to_bytes()), Some(req));
        assert_eq!(TextRequest::parse(b"GET"), None);
        let (headers, body) = split_headers(b"Retry-After: 5\r\nx\n\n{}");
        assert_eq!(headers, [("Retry-After".to_string(), "5".to_string()), ("x".to_string(), String::new())]);
        assert_eq!(body, b"{}");
    }
}
