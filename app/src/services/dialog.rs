//! The browser's own dialogs.

/// Asks `message` with the browser's confirmation dialog: true when the user accepts
/// (false when refused or when the dialog cannot open).
pub fn confirm(message: &str) -> bool {
    gloo::utils::window()
        .confirm_with_message(message)
        .unwrap_or(false)
}
