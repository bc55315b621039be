//! Directory objects: groups, users, and the mixed lists that members and owners return.

model! {
    /// A Microsoft 365 (Unified) or security group.
    pub struct Group {
        id: String,
        display_name: String,
        description: String,
        mail: String,
        mail_nickname: String,
        mail_enabled: bool,
        security_enabled: bool,
        group_types: Vec<String>,
        visibility: String,
        classification: String,
        created_date_time: String,
        renewed_date_time: String,
        expiration_date_time: String,
        proxy_addresses: Vec<String>,
    }
}

impl Group {
    /// A new Microsoft 365 group (`groupTypes: ["Unified"]`, mail-enabled, not security-enabled).
    pub fn unified(display_name: impl Into<String>, mail_nickname: impl Into<String>) -> Self {
        Group {
            display_name: Some(display_name.into()),
            mail_nickname: Some(mail_nickname.into()),
            mail_enabled: Some(true),
            security_enabled: Some(false),
            group_types: Some(vec!["Unified".into()]),
            ..Default::default()
        }
    }

    pub fn is_unified(&self) -> bool {
        self.group_types.as_ref().is_some_and(|t| t.iter().any(|t| t.eq_ignore_ascii_case("unified")))
    }
}

model! {
    /// A user, with the properties a member list needs.
    pub struct User {
        id: String,
        display_name: String,
        given_name: String,
        surname: String,
        mail: String,
        user_principal_name: String,
        job_title: String,
        office_location: String,
        business_phones: Vec<String>,
        mobile_phone: String,
        preferred_language: String,
    }
}

model! {
    /// An entry of a member or owner list: a user, group, device or service principal.
    pub struct DirectoryObject {
        odata_type: String,
        id: String,
        display_name: String,
        mail: String,
        user_principal_name: String,
    }
}

impl DirectoryObject {
    pub fn is_user(&self) -> bool {
        self.odata_type.as_deref() == Some("#microsoft.graph.user")
    }
}
