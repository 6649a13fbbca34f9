//! Which routes fuzzing leaves alone: those whose code changes the server's state for later
//! requests. Fuzzing sends every request to server A twice and to B once, so a request that
//! expires cached answers (`revalidatePath`, `revalidateTag`, `updateTag` from `next/cache`,
//! `res.revalidate` in an API route) would leave the two servers' caches in different states,
//! and every later answer from them could differ for that reason alone.
//!
//! The rule reads the route's source: a call of one of those functions marks it. Routes that
//! only set cookies on their answer, read the time or keep a per-process note of their own (the
//! `after()` route) are fuzzed: the client keeps no cookies, and the other answers do not
//! depend on them.

use std::fmt;

/// Why a route is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mutation {
    /// The function its source calls.
    pub calls: &'static str,
}

impl fmt::Display for Mutation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "calls `{}`, which expires cached answers", self.calls)
    }
}

/// Functions whose call expires what the server cached.
const EXPIRING: [&str; 7] = ["revalidatePath", "revalidateTag", "updateTag", "unstable_expirePath", "unstable_expireTag", "refresh", "res.revalidate"];

/// What makes the route whose source is `source` change the server's state, if anything does.
pub fn of(source: &str) -> Option<Mutation> {
    EXPIRING.into_iter().find(|name| calls(source, name)).map(|calls| Mutation { calls })
}

/// Whether `source` has `name(` (spaces allowed before the parenthesis) where `name` is not the
/// tail of a longer identifier.
fn calls(source: &str, name: &str) -> bool {
    source.match_indices(name).any(|(at, _)| {
        let before = source[..at].chars().next_back();
        let identifier_before = before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || (c == '.' && !name.contains('.')));
        !identifier_before && source[at + name.len()..].trim_start().starts_with('(')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_of_an_expiring_function_marks_the_route() {
        assert_eq!(of("import { revalidatePath } from 'next/cache'\nrevalidatePath(path)").map(|m| m.calls), Some("revalidatePath"));
        assert_eq!(of("await res.revalidate(req.query.path)").map(|m| m.calls), Some("res.revalidate"));
        assert_eq!(of("updateTag (`tag-${key}`)").map(|m| m.calls), Some("updateTag"));
    }

    #[test]
    fn a_mention_or_a_longer_name_does_not() {
        assert_eq!(of("/** A static answer, for revalidatePath. */\nexport const revalidate = 60"), None);
        assert_eq!(of("myrevalidateTag(x); router.refresh2()"), None);
        assert_eq!(of("cache.refresh(x)"), None, "a method of another object named like a next/cache function");
    }
}
