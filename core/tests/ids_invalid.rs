//! Bad IDs are refused before any request exists, naming the parameter.
mod common;

use common::cases;
use common::*;
use o365kit::ops::*;
use o365kit::{Error, Operation, Query};
use serde_json::json;

const BAD_IDS: &[&str] = &[
    "",
    " ",
    "   ",
    "\t",
    "\u{a0}",   // no-break space: blank
    "\u{3000}", // ideographic space: blank
    "a\nb",     // control characters anywhere
    "a\rb",
    "ab\u{0}",
    "\u{1b}[31m",
    "a\u{7f}",  // DEL
    "a\u{85}b", // C1 control (NEL)
    ".",
    "..",
];

#[test]
fn every_id_parameter_of_every_operation_refuses_bad_ids() {
    let mut checked = 0;
    for case in cases::all() {
        for param in case.id_params() {
            for bad in BAD_IDS {
                let res = case.op_with(param, json!(bad)).request(&ep());
                match res {
                    Err(Error::InvalidInput { param: p, why }) => {
                        assert_eq!(p, param, "{} with {param}={bad:?}: {why}", case.name);
                    }
                    other => panic!("{} with {param}={bad:?}: expected InvalidInput, got {other:?}", case.name),
                }
                checked += 1;
            }
        }
    }
    // The 32 Groups operations have 53 ID parameters between them, the 48 Mail operations 39,
    // the 48 Calendar operations 43, the 4 delta operations 1, the 12 files operations 22.
    assert_eq!(checked, (53 + 39 + 43 + 1 + 22) * BAD_IDS.len());
}

#[test]
fn reasons_say_what_is_wrong() {
    let op = |id: &str| GetThread { group_id: G.into(), thread_id: id.into(), query: Query::new() };
    assert!(expect_invalid(op("").request(&ep()), "thread_id").contains("empty"));
    assert!(expect_invalid(op("  ").request(&ep()), "thread_id").contains("blank"));
    assert!(expect_invalid(op("a\u{0}").request(&ep()), "thread_id").contains("control"));
    assert!(expect_invalid(op("..").request(&ep()), "thread_id").contains("dot"));
    let e = op(".").request(&ep()).unwrap_err();
    assert_eq!(e.to_string(), "invalid thread_id: must not be a dot segment");
}

#[test]
fn the_first_bad_id_in_path_order_is_named() {
    let op = GetPostAttachment {
        group_id: "".into(),
        thread_id: "".into(),
        post_id: "".into(),
        attachment_id: "".into(),
        query: Query::new(),
    };
    expect_invalid(op.request(&ep()), "group_id");
    let op = GetPostAttachment {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: "..".into(),
        attachment_id: "".into(),
        query: Query::new(),
    };
    expect_invalid(op.request(&ep()), "post_id");
    let op = GetPostAttachment {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        attachment_id: "\n".into(),
        query: Query::new(),
    };
    expect_invalid(op.request(&ep()), "attachment_id");
}

#[test]
fn reference_ids_in_bodies_are_checked_too() {
    // member_id and owner_id of the $ref operations go into the body's @odata.id.
    expect_invalid(AddGroupMember { group_id: G.into(), member_id: "..".into() }.request(&ep()), "member_id");
    expect_invalid(AddGroupOwner { group_id: G.into(), owner_id: " ".into() }.request(&ep()), "owner_id");
    expect_invalid(RemoveGroupMember { group_id: G.into(), member_id: "".into() }.request(&ep()), "member_id");
    expect_invalid(RemoveGroupOwner { group_id: G.into(), owner_id: "\u{0}".into() }.request(&ep()), "owner_id");
}

#[test]
fn ids_that_only_look_odd_are_accepted() {
    for id in ["...", ".a", "a.", " a ", "-", "_", "~", "%2e%2e", "0", "\u{200b}"] {
        let req = GetThread { group_id: G.into(), thread_id: id.into(), query: Query::new() }.request(&ep());
        assert!(req.is_ok(), "{id:?}: {req:?}");
    }
}
