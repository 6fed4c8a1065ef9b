//! The languages grip speaks (English and Dutch) and its one message catalogue: every sentence
//! grip shows (diagnostics, the labels of eval, reports, the diff, the editor's hovers) is a
//! [Fluent](https://projectfluent.org) message in `src/locales/en.ftl` and `src/locales/nl.ftl`,
//! chosen by id and filled with arguments when it is shown. Stages build [`Msg`] values (an id
//! and its arguments), never sentences, so one diagnostic can be shown in either language.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// A language of grip's output and keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// `en` or `nl` (also `nl-NL`, `nl_BE.UTF-8`, `dutch`, `nederlands`, ...).
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_lowercase();
        if code.starts_with("nl") || code.starts_with("dutch") || code.starts_with("nederlands") {
            Some(Lang::Nl)
        } else if code.starts_with("en") || code.starts_with("english") || code == "c" || code == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`), if it is one
    /// grip speaks.
    pub fn from_env() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_code(&v))
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Nl,
            Lang::Nl => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }
}

/// A sentence or phrase to be shown in some language: a message of the catalogue with its
/// arguments, or text from the plan itself (which is never translated).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Text shown as it is (a label from the plan, a file name).
    Plain(String),
    /// A message of the catalogue, by id, with its arguments.
    Id(&'static str, Vec<(&'static str, Arg)>),
    /// "a, b or c" (or "a, b and c") of other messages.
    List { and: bool, items: Vec<Msg> },
    /// "a, b, c": other messages, in order.
    Seq(Vec<Msg>),
    /// A keyword of the plan language, written in the language of the message (for a plan
    /// whose own keywords do not say which language it is in).
    Word { en: &'static str, nl: &'static str },
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    /// A number that plural forms depend on ("1 item", "2 items").
    Count(i64),
    /// Another message, shown in the same language.
    Msg(Msg),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(m)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(n as i64)
    }
}

impl From<u16> for Arg {
    fn from(n: u16) -> Arg {
        Arg::Text(n.to_string())
    }
}

impl Msg {
    /// A message without arguments.
    pub fn id(id: &'static str) -> Msg {
        Msg::Id(id, Vec::new())
    }

    /// Text from the plan, shown as written.
    pub fn plain(text: impl Into<String>) -> Msg {
        Msg::Plain(text.into())
    }

    /// This message with one more argument.
    pub fn arg(self, name: &'static str, value: impl Into<Arg>) -> Msg {
        match self {
            Msg::Id(id, mut args) => {
                args.push((name, value.into()));
                Msg::Id(id, args)
            }
            plain => plain,
        }
    }

    /// Another message of the catalogue with the same arguments (a case of this one that
    /// shares its help or labels).
    pub fn as_id(&self, id: &'static str) -> Msg {
        match self {
            Msg::Id(_, args) => Msg::Id(id, args.clone()),
            _ => Msg::id(id),
        }
    }

    /// "a, b or c".
    pub fn or(items: Vec<Msg>) -> Msg {
        Msg::List { and: false, items }
    }

    /// "a, b and c".
    pub fn and(items: Vec<Msg>) -> Msg {
        Msg::List { and: true, items }
    }

    /// The message in a language.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Msg::Plain(text) => text.clone(),
            Msg::Id(id, args) => format(lang, id, None, args),
            Msg::List { and, items } => {
                let items: Vec<String> = items.iter().map(|m| m.render(lang)).collect();
                list(lang, *and, &items)
            }
            Msg::Seq(items) => items.iter().map(|m| m.render(lang)).collect::<Vec<_>>().join(", "),
            Msg::Word { en, nl } => match lang {
                Lang::En => en.to_string(),
                Lang::Nl => nl.to_string(),
            },
        }
    }

    /// An attribute of the message (`.help`, `.label`) in a language.
    pub fn attr(&self, lang: Lang, attr: &str) -> String {
        match self {
            Msg::Id(id, args) => format(lang, id, Some(attr), args),
            other => other.render(lang),
        }
    }
}

/// "a", "a or b", "a, b or c" (with `and`: "a, b and c") in a language.
pub fn list(lang: Lang, and: bool, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let id = if and { "and-list" } else { "or-list" };
            format(lang, id, None, &[("init", Arg::Text(init.join(", "))), ("last", Arg::Text(last.clone()))])
        }
    }
}

/// A message by id in a language, with arguments.
pub fn t(lang: Lang, id: &'static str, args: &[(&'static str, Arg)]) -> String {
    format(lang, id, None, args)
}

const EN: &str = include_str!("locales/en.ftl");
const NL: &str = include_str!("locales/nl.ftl");

/// The catalogue's text for a language.
pub fn catalogue(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN,
        Lang::Nl => NL,
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        Lang::ALL.map(|lang| {
            let langid = match lang {
                Lang::En => unic_langid::langid!("en"),
                Lang::Nl => unic_langid::langid!("nl"),
            };
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            // The catalogues are part of grip and tested (tests/lang.rs): they parse, and every
            // message exists in both languages. A broken entry is skipped, not fatal.
            let resource = match FluentResource::try_new(catalogue(lang).to_string()) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            let _ = bundle.add_resource(resource);
            bundle
        })
    });
    &bundles[match lang {
        Lang::En => 0,
        Lang::Nl => 1,
    }]
}

fn format(lang: Lang, id: &str, attr: Option<&str>, args: &[(&'static str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(message) = bundle.get_message(id) else { return format!("[{id}]") };
    let pattern = match attr {
        Some(a) => message.get_attribute(a).map(|a| a.value()),
        None => message.value(),
    };
    let Some(pattern) = pattern else { return format!("[{id}.{}]", attr.unwrap_or("")) };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Msg(m) => FluentValue::from(m.render(lang)),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}
