//! The Next.js minor releases that changed what the reference server mimics, as the release
//! timeline shows them (TIMELINE.md, made by `targets/timeline.sh` from `next start` of the
//! latest patch of every minor from 15.0 to 16.4). A stage asks here whether the release it
//! mimics has a behaviour that did not come with a major, so that `--next-version` of any
//! release in the timeline gets that release's answers where a case asserts them.

use semver::Version;

/// For each minor below, the release of the timeline just before it (the cases test checks the
/// reference server on both sides of every change: these and `CHECKED_NEXT_VERSIONS`).
pub const BEFORE_A_MINOR_CHANGE: [&str; 7] = ["15.1.12", "15.3.9", "15.4.11", "16.0.11", "16.1.7", "16.2.12", "16.3.8"];

/// A page rendered per request streams its metadata tags after the head, in a hidden `<div>`
/// of the body: from 15.4 until 16 (before and after, they are in the head).
pub fn streams_metadata_after_the_head(next: &Version) -> bool {
    *next >= Version::new(15, 4, 0) && next.major < 16
}

/// A GET or HEAD for a subresource (a script, a style, an image...) no route answers gets a
/// plain-text 404 instead of the not-found page: from 16.3.
pub fn plain_not_found_for_subresources(next: &Version) -> bool {
    *next >= Version::new(16, 3, 0)
}

/// A route handler's answer regenerated at run time keeps the stale-while-revalidate part of
/// its Cache-Control: from 16.3 (before, `s-maxage=N` alone).
pub fn regenerated_handlers_keep_stale_while_revalidate(next: &Version) -> bool {
    *next >= Version::new(16, 3, 0)
}

/// Route handler and metadata file answers go through the compression layer (varied on
/// Accept-Encoding, compressed when compressible): from 16.4.
pub fn compresses_handlers_and_metadata(next: &Version) -> bool {
    *next >= Version::new(16, 4, 0)
}

/// The `after()` callbacks of a prerender the running server makes (a regeneration) are
/// dropped: from 15.4 until 16.3 (before and after, they run).
pub fn drops_after_callbacks_of_regenerations(next: &Version) -> bool {
    *next >= Version::new(15, 4, 0) && *next < Version::new(16, 3, 0)
}

/// A route handler's `request.nextUrl.pathname` keeps an apostrophe percent-encoded (`%27`):
/// from 15.4 until 16.2.
pub fn encodes_apostrophes_in_handler_pathnames(next: &Version) -> bool {
    *next >= Version::new(15, 4, 0) && *next < Version::new(16, 2, 0)
}

/// Dot segments of the request-target (`.`, `..`) are resolved before routing: from 16.2.
pub fn resolves_dot_segments(next: &Version) -> bool {
    *next >= Version::new(16, 2, 0)
}

/// A fetch action's `x-action-revalidated` is the flag `1` (before 16.1, the array
/// `[[],revalidated,cookies]`).
pub fn action_revalidated_is_a_flag(next: &Version) -> bool {
    *next >= Version::new(16, 1, 0)
}

/// A Pages Router entry without an expire time is sent without stale-while-revalidate: from
/// 16.3 (before, as expiring after `expireTime`).
pub fn entries_without_expire_time_send_none(next: &Version) -> bool {
    *next >= Version::new(16, 3, 0)
}

/// An RSC request to a page, route handler or metadata file without the `_rsc` query the
/// router's headers hash to is redirected to it: from 16.3.
pub fn redirects_rsc_requests_to_their_rsc_query(next: &Version) -> bool {
    *next >= Version::new(16, 3, 0)
}

/// An answer made in the Edge runtime goes through the compression layer: from 16.4.
pub fn compresses_edge_answers(next: &Version) -> bool {
    *next >= Version::new(16, 4, 0)
}

/// An action id no action of the app has is answered 409, or 400 when it is not an id's
/// length (before, 404 `Server action not found.` for both): from 16.4.
pub fn unknown_action_ids_answer_409_or_400(next: &Version) -> bool {
    *next >= Version::new(16, 4, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_behaviour_starts_at_the_minor_the_timeline_shows() {
        let at = |text: &str| text.parse::<Version>().unwrap();
        let streams: Vec<bool> = ["15.3.9", "15.4.11", "15.5.29", "16.0.11"].map(|v| streams_metadata_after_the_head(&at(v))).into();
        assert_eq!(streams, [false, true, true, false]);
        assert!(!plain_not_found_for_subresources(&at("16.2.12")) && plain_not_found_for_subresources(&at("16.3.8")));
        assert!(!regenerated_handlers_keep_stale_while_revalidate(&at("15.5.29")));
        assert!(regenerated_handlers_keep_stale_while_revalidate(&at("16.3.8")));
        assert!(!compresses_handlers_and_metadata(&at("16.3.8")) && compresses_handlers_and_metadata(&at("16.4.6")));
    }
}
