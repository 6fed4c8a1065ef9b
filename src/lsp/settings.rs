//! What the client sets: in `initializationOptions` when it starts the server, and by
//! `workspace/didChangeConfiguration` later. Documented in editors/README.md.

use super::*;

/// The server's settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Settings {
    /// `grip.inlayHints.allTotals`: the computed figure beside every printed total and share,
    /// not only beside those that differ from it.
    pub(super) all_totals: bool,
}

impl Settings {
    /// The settings in the `initialize` request's `initializationOptions`.
    pub(super) fn from_initialize(params: &serde_json::Value) -> Settings {
        let mut settings = Settings::default();
        if let Some(options) = params.get("initializationOptions") {
            settings.read(options);
        }
        settings
    }

    /// Takes what a client sends, in any of the shapes clients use: nested under `grip`
    /// (`{"grip": {"inlayHints": {"allTotals": true}}}`, as VS Code sends its settings), without
    /// it (`{"inlayHints": {...}}`, as initialization options), or as one dotted key
    /// (`{"grip.inlayHints.allTotals": true}`). A setting not sent keeps its value.
    pub(super) fn read(&mut self, value: &serde_json::Value) {
        let ours = value.get("grip").unwrap_or(value);
        let all_totals = ours
            .pointer("/inlayHints/allTotals")
            .or_else(|| value.get("grip.inlayHints.allTotals"))
            .and_then(serde_json::Value::as_bool);
        if let Some(all) = all_totals {
            self.all_totals = all;
        }
    }
}

impl Server {
    /// `workspace/didChangeConfiguration`: the new settings apply to what the client asks next.
    /// When they change what the editor shows, the server asks a client that can be asked to
    /// show its inlay hints and code lenses again (`workspace/inlayHint/refresh`,
    /// `workspace/codeLens/refresh`), so that the new setting shows at once, not only when the
    /// view next changes.
    pub(super) fn configure(&mut self, params: &serde_json::Value) -> Vec<lsp_server::Message> {
        let before = self.settings;
        if let Some(settings) = params.get("settings") {
            self.settings.read(settings);
        }
        if self.settings == before {
            return Vec::new();
        }
        self.refresh_figures()
    }

    /// Asks the client, if it can be asked, to fetch its inlay hints and code lenses again.
    pub(super) fn refresh_figures(&mut self) -> Vec<lsp_server::Message> {
        let mut out = Vec::new();
        if self.client.inlay_hint_refresh {
            out.push(self.request_to_client::<lsp_types::request::InlayHintRefreshRequest>(()));
        }
        if self.client.code_lens_refresh {
            out.push(self.request_to_client::<lsp_types::request::CodeLensRefresh>(()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_shape_clients_send_is_read() {
        for sent in [
            json!({"grip": {"inlayHints": {"allTotals": true}}}),
            json!({"inlayHints": {"allTotals": true}}),
            json!({"grip.inlayHints.allTotals": true}),
        ] {
            let mut s = Settings::default();
            s.read(&sent);
            assert!(s.all_totals, "{sent}");
        }
        let mut s = Settings { all_totals: true };
        s.read(&json!({"grip": {"other": 1}}));
        assert!(s.all_totals, "a setting not sent keeps its value");
        s.read(&json!({"grip": {"inlayHints": {"allTotals": false}}}));
        assert!(!s.all_totals);
        assert_eq!(Settings::from_initialize(&json!({"capabilities": {}})), Settings::default());
    }
}
