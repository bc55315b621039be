//! The operation table: complete, consistent, and matched by the test registry.
mod common;

use common::cases::{self, Shape};
use o365kit::ops::{find, OpKind};
use o365kit::OPERATIONS;
use std::collections::HashSet;

/// The type text without the spaces `stringify!` may put between tokens.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn table_lists_every_operation_once() {
    // 32 Groups operations, 48 Mail operations, 48 Calendar operations, 4 delta operations, 12 for
    // group files and upload sessions.
    assert_eq!(OPERATIONS.len(), 32 + 48 + 48 + 4 + 12);
    let names: HashSet<_> = OPERATIONS.iter().map(|o| o.name).collect();
    assert_eq!(names.len(), OPERATIONS.len(), "duplicate names");
    let structs: HashSet<_> = OPERATIONS.iter().map(|o| o.op).collect();
    assert_eq!(structs.len(), OPERATIONS.len(), "duplicate structs");
}

#[test]
fn registry_covers_every_operation_in_table_order() {
    let cases = cases::all();
    let ours: Vec<_> = cases.iter().map(|c| c.name).collect();
    let table: Vec<_> = OPERATIONS.iter().map(|o| o.name).collect();
    assert_eq!(ours, table);
}

#[test]
fn find_looks_up_by_binding_name() {
    let info = find("reply_to_thread").expect("present");
    assert_eq!(info.op, "ReplyToThread");
    assert_eq!(info.kind, OpKind::Empty);
    let params: Vec<_> = info.params.iter().map(|p| (p.name, p.ty)).collect();
    assert_eq!(params, [("group_id", "Id"), ("thread_id", "Id"), ("post", "Post")]);
    assert!(find("replyToThread").is_none());
    assert!(find("").is_none());
}

#[test]
fn kinds_agree_with_output_types_and_parse_shapes() {
    for (info, case) in OPERATIONS.iter().zip(cases::all()) {
        let output = squash(info.output);
        let expected = match info.kind {
            OpKind::List => {
                assert!(output.starts_with("Page<"), "{}: {}", info.name, info.output);
                Shape::Json
            }
            OpKind::Item => {
                assert!(!output.starts_with("Page<") && output != "()", "{}", info.name);
                Shape::Json
            }
            OpKind::Empty => {
                assert_eq!(output, "()", "{}", info.name);
                Shape::Empty
            }
            OpKind::Delta => {
                assert!(output.starts_with("DeltaPage<"), "{}: {}", info.name, info.output);
                Shape::Json
            }
            OpKind::Binary => {
                assert_eq!(output, "Photo", "{}", info.name);
                Shape::Binary
            }
        };
        assert_eq!(case.shape, expected, "{}", info.name);
        assert!(!info.doc.trim().is_empty(), "{} has no doc", info.name);
    }
}

#[test]
fn id_params_are_named_ids_and_documented() {
    for info in OPERATIONS {
        for p in info.params {
            assert_eq!(p.is_id(), p.name.ends_with("_id"), "{}.{}", info.name, p.name);
            assert!(!p.doc().is_empty(), "{}.{} has no doc", info.name, p.name);
            let ty = squash(p.ty);
            assert_eq!(p.is_optional(), ty == "Query" || ty.starts_with("Option<"), "{}.{}", info.name, p.name);
        }
        let list_like = info.kind == OpKind::List;
        let has_query = info.params.iter().any(|p| p.ty == "Query");
        // MailTips and schedules answer an action (a POST) with a collection: no query options apply.
        if list_like && !["get_mail_tips", "get_schedule"].contains(&info.name) {
            assert!(has_query, "{} lists without a Query", info.name);
        }
    }
}

/// `OpInfo::output` and `ParamInfo::ty` are documented as the types "as written in the table"
/// (`"Page<Post>"`, `"Option<String>"`), which is what generated `.d.ts`/`.pyi` stubs print.
#[test]
fn type_strings_are_written_as_in_the_table() {
    let list = find("list_groups").unwrap();
    assert_eq!(list.output_type(), "Page<Group>");
    let fwd = find("forward_post").unwrap();
    let tys: Vec<_> = fwd.params.iter().map(|p| p.type_name()).collect();
    assert_eq!(tys, ["Id", "Id", "Id", "Option<String>", "Vec<Recipient>"]);
}
