use o365kit::ops::*;
use o365kit::*;
fn nested(depth: usize, key: &str) -> Vec<u8> {
    let mut s = String::new();
    for _ in 0..depth {
        s.push_str(&format!(r#"{{"{key}":"#));
    }
    s.push_str("{}");
    for _ in 0..depth {
        s.push('}');
    }
    s.into_bytes()
}
#[test]
fn deep() {
    let stack_kb: usize = std::env::var("KB").unwrap().parse().unwrap();
    let dialect = std::env::var("D").unwrap();
    let key = std::env::var("K").unwrap();
    let body = nested(127, &key);
    let res = std::thread::Builder::new()
        .stack_size(stack_kb * 1024)
        .spawn(move || {
            let ep = if dialect == "graph" {
                Endpoint::default()
            } else {
                Endpoint::outlook_rest("https://outlook.office.com").unwrap()
            };
            let op = GetPost { group_id: "g".into(), thread_id: "t".into(), post_id: "p".into(), query: Query::new() };
            op.parse(&ep, Response::new(200, vec![], body)).is_ok()
        })
        .unwrap()
        .join();
    println!("RESULT {res:?}");
}
