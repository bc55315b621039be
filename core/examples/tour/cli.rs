//! What the tours share: their command line and how they end.

/// `--base-url URL --token TOKEN` (the token may come from `O365KIT_TOKEN`), and for the tours
/// that involve a colleague, `--{colleague_flag} ADDRESS` (default: the seed's owner).
pub struct Args {
    pub base_url: String,
    pub token: String,
    // The groups tour has no colleague.
    #[allow(dead_code)]
    pub colleague: String,
}

/// The arguments, or the usage on stderr and exit code 2.
pub fn args(name: &str, colleague_flag: Option<&str>) -> Args {
    let parsed = parse(colleague_flag);
    parsed.unwrap_or_else(|why| {
        if !why.is_empty() {
            eprintln!("{name}: {why}");
        }
        let extra = colleague_flag.map(|f| format!(" [--{f} COLLEAGUE_ADDRESS]")).unwrap_or_default();
        eprintln!("usage: {name} --base-url URL --token TOKEN{extra}");
        std::process::exit(2);
    })
}

fn parse(colleague_flag: Option<&str>) -> Result<Args, String> {
    let mut base_url = None;
    let mut token = std::env::var("O365KIT_TOKEN").ok();
    let mut colleague = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--base-url" => base_url = args.next(),
            "--token" => token = args.next(),
            "-h" | "--help" => return Err(String::new()),
            flag if colleague_flag.is_some_and(|f| flag.strip_prefix("--") == Some(f)) => colleague = args.next(),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Args {
        base_url: base_url.ok_or("--base-url is required")?,
        token: token.ok_or("--token (or O365KIT_TOKEN) is required")?,
        // The seed's colleague of the default demo user.
        colleague: colleague.unwrap_or_else(|| "owner@contoso.test".into()),
    })
}

/// Ends the tour: exit code 1 with the error on stderr if it failed.
pub fn finish(name: &str, outcome: Result<(), o365kit::Error>) {
    if let Err(e) = outcome {
        eprintln!("{name} failed: {e}");
        std::process::exit(1);
    }
}
