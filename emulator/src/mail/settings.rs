//! Mailbox settings (`mailboxSettings`), the languages and time zones Outlook offers, and whether
//! an automatic reply is on right now (what mail tips report).

use crate::clock;
use crate::errors::{GraphError, Result};
use crate::tenant::{text, Obj};
use serde_json::{json, Value};

/// (locale, display name): what `supportedLanguages()` lists.
pub(crate) const LANGUAGES: &[(&str, &str)] = &[
    ("en-US", "English (United States)"),
    ("en-GB", "English (United Kingdom)"),
    ("de-DE", "German (Germany)"),
    ("es-ES", "Spanish (Spain, International Sort)"),
    ("fr-FR", "French (France)"),
    ("it-IT", "Italian (Italy)"),
    ("ja-JP", "Japanese (Japan)"),
    ("nl-NL", "Dutch (Netherlands)"),
    ("pt-BR", "Portuguese (Brazil)"),
    ("zh-CN", "Chinese (Simplified, PRC)"),
];

/// (Windows name, IANA name, display name): what `supportedTimeZones` lists.
pub(crate) const TIME_ZONES: &[(&str, &str)] = &[
    ("Dateline Standard Time", "(UTC-12:00) International Date Line West"),
    ("Hawaiian Standard Time", "(UTC-10:00) Hawaii"),
    ("Pacific Standard Time", "(UTC-08:00) Pacific Time (US & Canada)"),
    ("Mountain Standard Time", "(UTC-07:00) Mountain Time (US & Canada)"),
    ("Central Standard Time", "(UTC-06:00) Central Time (US & Canada)"),
    ("Eastern Standard Time", "(UTC-05:00) Eastern Time (US & Canada)"),
    ("E. South America Standard Time", "(UTC-03:00) Brasilia"),
    ("UTC", "(UTC) Coordinated Universal Time"),
    ("GMT Standard Time", "(UTC+00:00) Dublin, Edinburgh, Lisbon, London"),
    ("W. Europe Standard Time", "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"),
    ("Romance Standard Time", "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"),
    ("India Standard Time", "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi"),
    ("China Standard Time", "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi"),
    ("Tokyo Standard Time", "(UTC+09:00) Osaka, Sapporo, Tokyo"),
    ("AUS Eastern Standard Time", "(UTC+10:00) Canberra, Melbourne, Sydney"),
];

pub(crate) fn language(locale: &str) -> Value {
    let name = LANGUAGES.iter().find(|(l, _)| l.eq_ignore_ascii_case(locale)).map_or(locale, |(_, n)| n);
    json!({ "locale": locale, "displayName": name })
}

/// A new mailbox's settings: Graph's defaults, the owner's language.
pub(crate) fn defaults(owner: &Obj) -> Obj {
    let locale = text(owner, "preferredLanguage").unwrap_or("en-US");
    let v = json!({
        "archiveFolder": Value::Null,
        "timeZone": "Pacific Standard Time",
        "automaticRepliesSetting": {
            "status": "disabled",
            "externalAudience": "all",
            "internalReplyMessage": "",
            "externalReplyMessage": "",
            "scheduledStartDateTime": { "dateTime": "2025-01-01T00:00:00.0000000", "timeZone": "UTC" },
            "scheduledEndDateTime": { "dateTime": "2025-01-02T00:00:00.0000000", "timeZone": "UTC" },
        },
        "language": language(locale),
        "dateFormat": "M/d/yyyy",
        "timeFormat": "h:mm tt",
        "delegateMeetingMessageDeliveryOptions": "sendToDelegateOnly",
        "userPurpose": "user",
        "workingHours": {
            "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
            "startTime": "08:00:00.0000000",
            "endTime": "17:00:00.0000000",
            "timeZone": { "name": "Pacific Standard Time" },
        },
    });
    v.as_object().cloned().unwrap_or_default()
}

fn bad(msg: impl Into<String>) -> GraphError {
    GraphError::new(400, "BadRequest", msg)
}

fn enum_value(v: &Value, allowed: &[&str], enum_name: &str) -> Result<Value> {
    let s = v.as_str().unwrap_or_default();
    match allowed.iter().find(|a| a.eq_ignore_ascii_case(s)) {
        Some(a) => Ok(json!(a)),
        None => Err(bad(format!("Requested value '{s}' was not found in the {enum_name} enumeration."))),
    }
}

/// Applies a `PATCH mailboxSettings` body; answers the properties it set, as Graph does.
pub(crate) fn patch(settings: &mut Obj, body: Obj) -> Result<Obj> {
    let mut changed = Obj::new();
    for (k, v) in body {
        if k.starts_with('@') {
            continue;
        }
        let value = match k.as_str() {
            "automaticRepliesSetting" => {
                let mut cur = settings.get(&k).and_then(Value::as_object).cloned().unwrap_or_default();
                let o = v.as_object().ok_or_else(|| bad("'automaticRepliesSetting' must be an object."))?;
                for (ik, iv) in o {
                    let iv = match ik.as_str() {
                        "status" => enum_value(iv, &["disabled", "alwaysEnabled", "scheduled"], "automaticRepliesStatus")?,
                        "externalAudience" => enum_value(iv, &["none", "contactsOnly", "all"], "externalAudienceScope")?,
                        "internalReplyMessage" | "externalReplyMessage" if iv.is_string() => iv.clone(),
                        "scheduledStartDateTime" | "scheduledEndDateTime"
                            if iv.get("dateTime").and_then(Value::as_str).is_some_and(|d| clock::parse_iso(d).is_some()) =>
                        {
                            iv.clone()
                        }
                        _ if ik.starts_with('@') => continue,
                        _ => return Err(bad(format!("Invalid value for property '{ik}' of 'automaticRepliesSetting'."))),
                    };
                    cur.insert(ik.clone(), iv);
                }
                Value::Object(cur)
            }
            "timeZone" => {
                let s = v.as_str().unwrap_or_default();
                let listed = |(w, _): &&(&str, &str)| w.eq_ignore_ascii_case(s) || o365kit::timezone::iana_name(w) == s;
                if !TIME_ZONES.iter().any(|z| listed(&z)) {
                    return Err(GraphError::new(400, "ErrorTimeZoneException", format!("Time zone '{s}' is not supported.")));
                }
                v
            }
            "language" => {
                let locale = v.get("locale").and_then(Value::as_str).unwrap_or_default();
                if !LANGUAGES.iter().any(|(l, _)| l.eq_ignore_ascii_case(locale)) {
                    return Err(bad(format!("The language '{locale}' is not supported.")));
                }
                language(locale)
            }
            "workingHours" if v.is_object() => v,
            "dateFormat" | "timeFormat" | "archiveFolder" if v.is_string() => v,
            "delegateMeetingMessageDeliveryOptions" => enum_value(
                &v,
                &["sendToDelegateAndInformationToPrincipal", "sendToDelegateAndPrincipal", "sendToDelegateOnly"],
                "delegateMeetingMessageDeliveryOptions",
            )?,
            "userPurpose" => return Err(bad("The property 'userPurpose' is read-only.")),
            _ if settings.contains_key(&k) => return Err(bad(format!("Invalid value for property '{k}'."))),
            _ => {
                return Err(bad(format!(
                    "The property '{k}' does not exist on type 'microsoft.graph.mailboxSettings'. Make sure to only use property names that are defined by the type."
                )))
            }
        };
        settings.insert(k.clone(), value.clone());
        changed.insert(k, value);
    }
    Ok(changed)
}

/// The automatic reply a sender sees now, if one is on: `alwaysEnabled`, or `scheduled` and now
/// inside the window (its times read as UTC).
pub(crate) fn active_reply(settings: &Obj) -> Option<&Obj> {
    let s = settings.get("automaticRepliesSetting")?.as_object()?;
    match text(s, "status")? {
        "alwaysEnabled" => Some(s),
        "scheduled" => {
            let at = |k: &str| {
                let d = s.get(k)?.get("dateTime")?.as_str()?;
                clock::parse_iso(d).or_else(|| clock::parse_iso(&format!("{}Z", d.split('.').next()?)))
            };
            let now = clock::parse_iso(&clock::now_iso())?;
            (at("scheduledStartDateTime")? <= now && now < at("scheduledEndDateTime")?).then_some(s)
        }
        _ => None,
    }
}
