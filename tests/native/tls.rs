//! The native client against an emulator serving https (`Config::tls`, the binary's `--tls`).

use o365kit::{ops, Client, Error, Query};
use o365kit_e2e::{Env, MEMBER, OWNER};
use o365kit_emulator::{Config, Tls};

fn tls_env() -> (Env, String) {
    let tls = Tls::generate(&[]).expect("a certificate is generated");
    let ca = tls.trust_pem().to_string();
    (Env::with_config(Config { tls: Some(tls), page_size: 1, ..Config::default() }), ca)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_trusting_the_ca_reads_and_pages_over_https() {
    let (env, ca) = tls_env();
    assert!(env.base_url().starts_with("https://127.0.0.1:"), "{}", env.base_url());
    let client = Client::builder().base_url(&env.base_url()).token(OWNER).root_certificates_pem(ca).build().unwrap();
    let group = client.list_groups(Query::new().top(1)).await.unwrap();
    assert_eq!(group.value.len(), 1);
    assert!(group.context.as_deref().is_some_and(|c| c.starts_with("https://")), "{:?}", group.context);

    // One item a page: every further page comes from an https nextLink.
    let page = client.list_groups(Query::new()).await.unwrap();
    let next = page.next_link.clone().expect("a next link");
    assert!(next.starts_with(&format!("{}/v1.0/groups?", env.base_url())), "{next}");
    let all = client.all(ops::ListGroups { query: Query::new() }).await.unwrap();
    assert!(all.len() >= 2, "followed the https next links: {}", all.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn writes_work_over_https() {
    let (env, ca) = tls_env();
    let client = Client::builder().base_url(&env.base_url()).token(MEMBER).root_certificates_pem(ca).build().unwrap();
    let joined = client.all(ops::ListJoinedGroups { query: Query::new() }).await.unwrap();
    let group = joined.iter().find(|g| g.is_unified()).and_then(|g| g.id.clone()).expect("a joined group");
    let threads = client.list_group_threads(group.as_str(), Query::new()).await.unwrap();
    assert!(threads.value.iter().all(|t| t.id.is_some()));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_untrusted_certificate_is_a_transport_error_without_the_token() {
    let (env, _) = tls_env();
    let client = Client::builder().base_url(&env.base_url()).token(MEMBER).build().unwrap();
    let err = client.list_groups(Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    let text = format!("{err} {err:?}");
    assert!(!text.contains("member@contoso.test"), "{text}");
}

#[test]
fn text_without_a_certificate_is_refused_naming_the_parameter() {
    let err = Client::builder()
        .base_url("https://127.0.0.1:1")
        .token(MEMBER)
        .root_certificates_pem("no pem here")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("root_certificates_pem"), "{err}");
}
