//! Groups, membership and photo: the request each operation builds and the parse of the docs'
//! example response (fixtures copied from the Microsoft Graph v1.0 reference pages).
mod common;

use common::*;
use o365kit::model::{Group, Photo};
use o365kit::ops::*;
use o365kit::{Error, Method, Operation, Query};
use serde_json::json;

fn q() -> Query {
    Query::new()
}

// ---- list_groups (GET /groups)

#[test]
fn list_groups_request() {
    let req = ListGroups { query: q() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, "https://graph.microsoft.com/v1.0/groups");
    assert!(req.headers.is_empty(), "{:?}", req.headers);
    assert_no_body(&req);
}

#[test]
fn list_groups_request_like_doc_example_2() {
    // Docs: GET /groups?$count=true&$filter=hasMembersWithLicenseErrors+eq+true&$select=id,displayName
    //       ConsistencyLevel: eventual
    let query = Query::new().count(true).filter("hasMembersWithLicenseErrors eq true").select(["id", "displayName"]);
    let req = ListGroups { query }.request(&ep()).unwrap();
    assert_eq!(
        req.url,
        "https://graph.microsoft.com/v1.0/groups?$select=id,displayName&$filter=hasMembersWithLicenseErrors%20eq%20true&$count=true"
    );
    assert_eq!(req.headers, vec![("ConsistencyLevel".to_string(), "eventual".to_string())]);
}

#[test]
fn list_groups_parses_doc_example() {
    let page = ListGroups { query: q() }.parse(&ep(), doc_response(200, "list_groups.json")).unwrap();
    assert_eq!(page.context.as_deref(), Some("https://graph.microsoft.com/v1.0/$metadata#groups"));
    assert!(!page.has_more());
    assert_eq!(page.value.len(), 2);
    let g = &page.value[0];
    assert_eq!(g.id.as_deref(), Some("45b7d2e7-b882-4a80-ba97-10b7a63b8fa4"));
    assert_eq!(g.display_name.as_deref(), Some("Golf Assist"));
    assert_eq!(g.mail_nickname.as_deref(), Some("golfassist"));
    assert_eq!(g.mail_enabled, Some(true));
    assert_eq!(g.security_enabled, Some(false));
    assert!(g.is_unified());
    assert_eq!(g.visibility.as_deref(), Some("Public"));
    assert_eq!(g.classification, None, "null reads as absent");
    assert_eq!(g.proxy_addresses.as_ref().map(Vec::len), Some(2));
    assert_eq!(g.extra["preferredDataLocation"], "CAN");
    assert!(!page.value[1].is_unified());
    assert_eq!(page.value[1].visibility, None);
}

#[test]
fn list_groups_parses_doc_example_with_count() {
    let page = ListGroups { query: q() }.parse(&ep(), doc_response(200, "list_groups_count.json")).unwrap();
    assert_eq!(page.count, Some(2));
    assert_eq!(page.value[1].display_name.as_deref(), Some("Contoso Group 2"));
}

#[test]
fn list_groups_parses_error() {
    assert_not_found(ListGroups { query: q() }.parse(&ep(), not_found()));
}

// ---- get_group (GET /groups/{id})

#[test]
fn get_group_request() {
    let req = GetGroup { group_id: G.into(), query: q() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("{BASE}/groups/{G}"));
    assert!(req.headers.is_empty());
    assert_no_body(&req);
}

#[test]
fn get_group_request_with_select_like_doc_example_2() {
    let query =
        Query::new().select(["allowExternalSenders", "autoSubscribeNewMembers", "isSubscribedByMail", "unseenCount"]);
    let req = GetGroup { group_id: G.into(), query }.request(&ep()).unwrap();
    assert_eq!(
        req.url,
        format!(
            "{BASE}/groups/{G}?$select=allowExternalSenders,autoSubscribeNewMembers,isSubscribedByMail,unseenCount"
        )
    );
    assert!(req.headers.is_empty(), "no ConsistencyLevel without $count/$search");
}

#[test]
fn get_group_parses_doc_example() {
    let op = GetGroup { group_id: G.into(), query: q() };
    let g = op.parse(&ep(), doc_response(200, "get_group.json")).unwrap();
    assert_eq!(g.id.as_deref(), Some(G));
    assert_eq!(g.display_name.as_deref(), Some("HR Taskforce"));
    assert_eq!(g.description.as_deref(), Some("Welcome to the HR Taskforce team."));
    assert_eq!(g.created_date_time.as_deref(), Some("2017-07-31T18:56:16Z"));
    assert_eq!(g.renewed_date_time.as_deref(), Some("2020-01-24T19:01:14Z"));
    assert_eq!(g.expiration_date_time, None);
    assert_eq!(g.visibility.as_deref(), Some("Private"));
    assert_eq!(g.extra["@odata.context"], "https://graph.microsoft.com/v1.0/$metadata#groups/$entity");
    assert_eq!(g.extra["resourceProvisioningOptions"], json!(["Team"]));
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- create_group (POST /groups, 201)

#[test]
fn create_group_request_matches_doc_example() {
    let mut group = Group::unified("Library Assist", "library");
    group.description = Some("Self help community for library".into());
    let req = CreateGroup { group }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, format!("{BASE}/groups"));
    assert_eq!(
        json_body(&req),
        json!({
            "description": "Self help community for library",
            "displayName": "Library Assist",
            "groupTypes": ["Unified"],
            "mailEnabled": true,
            "mailNickname": "library",
            "securityEnabled": false
        })
    );
    assert_eq!(req.headers.len(), 1, "only Content-Type: {:?}", req.headers);
}

#[test]
fn create_group_parses_doc_example_201() {
    let op = CreateGroup { group: Group::unified("Library Assist", "library") };
    let g = op.parse(&ep(), doc_response(201, "create_group.json")).unwrap();
    assert_eq!(g.id.as_deref(), Some("b320ee12-b1cd-4cca-b648-a437be61c5cd"));
    assert_eq!(g.mail.as_deref(), Some("library7423@contoso.com"));
    assert!(g.is_unified());
    assert_not_found(op.parse(&ep(), not_found()));
}

#[test]
fn create_group_requires_name_nickname_and_flags() {
    let mut g = Group::unified("Library Assist", "library");
    g.display_name = Some("  ".into());
    expect_invalid(CreateGroup { group: g }.request(&ep()), "group.display_name");
    let mut g = Group::unified("Library Assist", "library");
    g.mail_nickname = None;
    expect_invalid(CreateGroup { group: g }.request(&ep()), "group.mail_nickname");
    let mut g = Group::unified("Library Assist", "library");
    g.security_enabled = None;
    expect_invalid(CreateGroup { group: g }.request(&ep()), "group");
}

// ---- update_group (PATCH /groups/{id}, 204)

#[test]
fn update_group_request_matches_doc_example() {
    let group = Group {
        description: Some("Library Assist".into()),
        display_name: Some("Library Assist".into()),
        group_types: Some(vec!["Unified".into()]),
        mail_enabled: Some(true),
        mail_nickname: Some("library-help".into()),
        ..Default::default()
    };
    let req = UpdateGroup { group_id: G.into(), group }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Patch);
    assert_eq!(req.url, format!("{BASE}/groups/{G}"));
    assert_eq!(
        json_body(&req),
        json!({
            "description": "Library Assist",
            "displayName": "Library Assist",
            "groupTypes": ["Unified"],
            "mailEnabled": true,
            "mailNickname": "library-help"
        })
    );
}

#[test]
fn update_group_sends_only_what_is_set_including_extra() {
    let mut group = Group { visibility: Some("Private".into()), ..Default::default() };
    group.extra.insert("allowExternalSenders".into(), json!(true));
    let req = UpdateGroup { group_id: G.into(), group }.request(&ep()).unwrap();
    assert_eq!(json_body(&req), json!({ "visibility": "Private", "allowExternalSenders": true }));
}

#[test]
fn update_group_parses_204_and_200() {
    let op = UpdateGroup { group_id: G.into(), group: Group::default() };
    op.parse(&ep(), empty_response(204)).unwrap();
    // 200 OK for allowExternalSenders & co., per the docs.
    op.parse(&ep(), empty_response(200)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- delete_group (DELETE /groups/{id}, 204)

#[test]
fn delete_group_request() {
    let req = DeleteGroup { group_id: G.into() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Delete);
    assert_eq!(req.url, format!("{BASE}/groups/{G}"));
    assert!(req.headers.is_empty());
    assert_no_body(&req);
}

#[test]
fn delete_group_parses_204() {
    let op = DeleteGroup { group_id: G.into() };
    op.parse(&ep(), empty_response(204)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- list_joined_groups (GET /me/memberOf/microsoft.graph.group)

#[test]
fn list_joined_groups_request() {
    let req = ListJoinedGroups { query: q() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("{BASE}/me/memberOf/microsoft.graph.group"));
    assert!(req.headers.is_empty());
}

#[test]
fn list_joined_groups_request_like_doc_example_5() {
    // Docs: .../memberOf/microsoft.graph.group?$count=true&$orderby=displayName&$filter=startswith(displayName, 'a')
    let query = Query::new().count(true).orderby(["displayName"]).filter("startswith(displayName, 'a')");
    let req = ListJoinedGroups { query }.request(&ep()).unwrap();
    assert_eq!(
        req.url,
        format!("{BASE}/me/memberOf/microsoft.graph.group?$filter=startswith(displayName,%20'a')&$orderby=displayName&$count=true")
    );
    assert_eq!(req.header_value("ConsistencyLevel"), Some("eventual"));
}

#[test]
fn list_joined_groups_parses_doc_example() {
    let op = ListJoinedGroups { query: q() };
    let page = op.parse(&ep(), doc_response(200, "list_joined_groups.json")).unwrap();
    assert_eq!(page.count, Some(76));
    assert_eq!(page.value[0].display_name.as_deref(), Some("AAD Contoso Users"));
    assert_eq!(page.value[0].security_enabled, Some(true));
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- list_group_members (GET /groups/{id}/members)

#[test]
fn list_group_members_request() {
    let req = ListGroupMembers { group_id: G.into(), query: q() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/members"));
    assert!(req.headers.is_empty());
}

#[test]
fn list_group_members_with_search_needs_eventual_consistency() {
    let query = Query::new().search("displayName:Megan").select(["id"]);
    let req = ListGroupMembers { group_id: G.into(), query }.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/groups/{G}/members?$select=id&$search=%22displayName:Megan%22"));
    assert_eq!(req.header_value("consistencylevel"), Some("eventual"));
}

#[test]
fn list_group_members_parses_doc_example() {
    let op = ListGroupMembers { group_id: G.into(), query: q() };
    let page = op.parse(&ep(), doc_response(200, "list_group_members.json")).unwrap();
    assert_eq!(page.value.len(), 1);
    assert_eq!(page.value[0].id.as_deref(), Some("id-value"));
    assert!(!page.value[0].is_user(), "no @odata.type in this example");
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- add_group_member (POST /groups/{id}/members/$ref, 204)

#[test]
fn add_group_member_request_matches_doc_example() {
    let req = AddGroupMember { group_id: G.into(), member_id: U.into() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/members/$ref"));
    assert_eq!(
        json_body(&req),
        json!({ "@odata.id": format!("https://graph.microsoft.com/v1.0/directoryObjects/{U}") })
    );
}

#[test]
fn add_group_member_reference_follows_the_cloud() {
    let ep = o365kit::Endpoint::graph(o365kit::Cloud::China, o365kit::ApiVersion::V1);
    let req = AddGroupMember { group_id: G.into(), member_id: U.into() }.request(&ep).unwrap();
    assert_eq!(
        json_body(&req),
        json!({ "@odata.id": format!("https://microsoftgraph.chinacloudapi.cn/v1.0/directoryObjects/{U}") })
    );
}

#[test]
fn add_group_member_parses_204() {
    let op = AddGroupMember { group_id: G.into(), member_id: U.into() };
    op.parse(&ep(), empty_response(204)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
    // 400 when already a member: still an API error with its status.
    let res = o365kit::Response::new(400, vec![], br#"{"error":{"code":"Request_BadRequest","message":"One or more added object references already exist for the following modified properties: 'members'."}}"#.to_vec());
    match op.parse(&ep(), res) {
        Err(Error::Api(a)) => {
            assert_eq!((a.status, a.code.as_str()), (400, "Request_BadRequest"));
            assert!(a.message.contains("already exist"));
        }
        other => panic!("{other:?}"),
    }
}

// ---- remove_group_member (DELETE /groups/{id}/members/{id}/$ref, 204)

#[test]
fn remove_group_member_request_keeps_ref_suffix() {
    let req = RemoveGroupMember { group_id: G.into(), member_id: U.into() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Delete);
    // Without /$ref Graph would delete the user itself (docs' caution).
    assert_eq!(req.url, format!("{BASE}/groups/{G}/members/{U}/$ref"));
    assert_no_body(&req);
}

#[test]
fn remove_group_member_parses_204() {
    let op = RemoveGroupMember { group_id: G.into(), member_id: U.into() };
    op.parse(&ep(), empty_response(204)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- list_group_owners (GET /groups/{id}/owners)

#[test]
fn list_group_owners_request() {
    let req = ListGroupOwners { group_id: G.into(), query: q() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/owners"));
    assert!(req.headers.is_empty());
}

#[test]
fn list_group_owners_parses_doc_example() {
    let op = ListGroupOwners { group_id: G.into(), query: q() };
    let page = op.parse(&ep(), doc_response(200, "list_group_owners.json")).unwrap();
    assert_eq!(page.value.len(), 3);
    let o = &page.value[1];
    assert!(o.is_user());
    assert_eq!(o.odata_type.as_deref(), Some("#microsoft.graph.user"));
    assert_eq!(o.id.as_deref(), Some("f0206b06-7c5d-461c-ae24-08f68b7ef463"));
    assert_eq!(o.display_name.as_deref(), Some("Megan Bowen"));
    assert_eq!(o.user_principal_name.as_deref(), Some("MeganB@contoso.com"));
    assert_eq!(o.extra["accountEnabled"], true);
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- add_group_owner (POST /groups/{id}/owners/$ref, 204)

#[test]
fn add_group_owner_request() {
    let req = AddGroupOwner { group_id: G.into(), owner_id: U.into() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/owners/$ref"));
    // The docs' example references /users/{id}; a /directoryObjects/{id} reference is accepted too.
    assert_eq!(json_body(&req), json!({ "@odata.id": format!("{BASE}/directoryObjects/{U}") }));
}

#[test]
fn add_group_owner_parses_204() {
    let op = AddGroupOwner { group_id: G.into(), owner_id: U.into() };
    op.parse(&ep(), empty_response(204)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- remove_group_owner (DELETE /groups/{id}/owners/{id}/$ref, 204)

#[test]
fn remove_group_owner_request() {
    let req = RemoveGroupOwner { group_id: G.into(), owner_id: U.into() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Delete);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/owners/{U}/$ref"));
    assert_no_body(&req);
}

#[test]
fn remove_group_owner_parses_204() {
    let op = RemoveGroupOwner { group_id: G.into(), owner_id: U.into() };
    op.parse(&ep(), empty_response(204)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- get_group_photo (GET /groups/{id}/photo/$value: binary)

/// The start of a JPEG file (SOI + APP0/JFIF marker).
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01];

#[test]
fn get_group_photo_request() {
    let req = GetGroupPhoto { group_id: G.into() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/photo/$value"));
    assert!(req.headers.is_empty());
    assert_no_body(&req);
}

#[test]
fn get_group_photo_parses_binary_with_its_media_type() {
    let op = GetGroupPhoto { group_id: G.into() };
    let res = o365kit::Response::new(200, vec![("Content-Type".into(), "image/jpeg".into())], JPEG.to_vec());
    assert_eq!(op.parse(&ep(), res).unwrap(), Photo { content_type: "image/jpeg".into(), bytes: JPEG.to_vec() });
    let bare = o365kit::Response::new(200, vec![], JPEG.to_vec());
    assert_eq!(op.parse(&ep(), bare).unwrap().content_type, "application/octet-stream");
    // "If no photo exists, the operation returns 404 Not Found."
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- set_group_photo (PUT /groups/{id}/photo/$value, 200)

#[test]
fn set_group_photo_request_sends_raw_bytes() {
    let photo = Photo { content_type: "image/jpeg".into(), bytes: JPEG.to_vec() };
    let req = SetGroupPhoto { group_id: G.into(), photo }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Put);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/photo/$value"));
    assert_eq!(req.headers, vec![("Content-Type".to_string(), "image/jpeg".to_string())]);
    assert_eq!(req.body.as_deref(), Some(JPEG));
}

#[test]
fn set_group_photo_parses_200() {
    let op = SetGroupPhoto { group_id: G.into(), photo: Photo { content_type: "image/png".into(), bytes: vec![1] } };
    op.parse(&ep(), empty_response(200)).unwrap();
    op.parse(&ep(), empty_response(204)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}
