//! # o365kit
//!
//! A sans-IO Microsoft Graph client for Office 365 Groups, Outlook Mail and Calendar. The core
//! builds requests and parses responses; a transport (the `native` feature's [`Client`], the npm
//! package's fetch, the Python package's Rust backend) moves the bytes.
//!
//! ```
//! use o365kit::{Endpoint, Operation, Response, Query};
//! use o365kit::ops::ListGroupThreads;
//!
//! let ep = Endpoint::default();
//! let op = ListGroupThreads { group_id: "02bd9fd6-8f93-4758-87c3-1fb73740a315".into(), query: Query::new().top(5) };
//! let req = op.request(&ep).unwrap();
//! assert_eq!(req.url, "https://graph.microsoft.com/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/threads?$top=5");
//!
//! // ...send `req` with any HTTP stack, then:
//! let res = Response::new(200, vec![], br#"{"value":[{"id":"AAQkAD=","topic":"Hello"}]}"#.to_vec());
//! let page = op.parse(&ep, res).unwrap();
//! assert_eq!(page.value[0].topic.as_deref(), Some("Hello"));
//! ```

pub mod base64;
pub mod batch;
#[cfg(feature = "native")]
pub mod client;
pub mod clock;
pub mod datetime;
pub mod decode;
pub mod endpoint;
pub mod error;
pub mod exchange;
pub mod http;
pub mod mailbox;
pub mod model;
pub mod odata;
pub mod ops;
pub mod retry;
pub mod sync;
pub mod timezone;
pub mod upload;
pub mod watch;

pub use batch::Batch;
#[cfg(feature = "native")]
pub use client::{
    Client, ClientBuilder, GroupMailWatcher, Pager, ReaderSource, SyncEvent, Syncer, TokenProvider, UploadSource,
};
pub use datetime::DateTime;
pub use endpoint::{ApiVersion, Cloud, Dialect, Endpoint};
pub use error::{ApiError, Error};
pub use http::{Method, Request, Response};
pub use mailbox::Mailbox;
pub use odata::{BodyType, Page, Query};
pub use ops::{Change, DeltaPage, Named, OpInfo, OpKind, Operation, Paged, OPERATIONS};
pub use retry::{Decision, Policy};
pub use sync::DeltaSync;
pub use upload::{Step, Upload, UploadResult, Uploaded};
pub use watch::{GroupMailWatch, WatchStep};
