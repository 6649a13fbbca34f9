//! `--shard I/N`: one of N deterministic parts of the selected cases, so that N machines can
//! run a suite between them. Cases are sorted by id and case k (from 0) goes to shard
//! `k mod N + 1`; the shards' JSON reports merge back into one (`harness report --merge`).

use spec::Case;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// This shard's cases, sorted by id.
    pub fn select(self, mut cases: Vec<Case>) -> Vec<Case> {
        cases.sort_by(|a, b| a.id.cmp(&b.id));
        cases.into_iter().enumerate().filter(|(k, _)| k % self.count + 1 == self.index).map(|(_, case)| case).collect()
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let problem = || format!("`{text}` is not a shard: write I/N with 1 <= I <= N, e.g. 2/4");
        let (index, count) = text.split_once('/').ok_or_else(problem)?;
        let (index, count): (usize, usize) = (index.trim().parse().map_err(|_| problem())?, count.trim().parse().map_err(|_| problem())?);
        if index == 0 || index > count {
            return Err(problem());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: &str) -> Case {
        let text = "title = \"t\"\nbasis = \"observed\"\ndoc = { page = \"p\", anchor = \"a\", quote = \"q\" }\n\
                    [[step]]\nrequest = { path = \"/\" }\nexpect.status = 200\n";
        spec::parse_case(id, std::path::Path::new("x.toml"), text).unwrap()
    }

    #[test]
    fn shards_split_the_sorted_cases_without_overlap_or_gaps() {
        let cases: Vec<Case> = ["e", "a", "d", "b", "c"].into_iter().map(case).collect();
        let ids = |shard: &str| -> Vec<String> {
            shard.parse::<Shard>().unwrap().select(cases.clone()).into_iter().map(|c| c.id).collect()
        };
        assert_eq!(ids("1/2"), ["a", "c", "e"]);
        assert_eq!(ids("2/2"), ["b", "d"]);
        assert_eq!(ids("1/1"), ["a", "b", "c", "d", "e"]);
        assert_eq!(ids("3/3"), ["c"]);
    }

    #[test]
    fn malformed_shards_are_refused() {
        for bad in ["0/2", "3/2", "1", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        assert_eq!("2/5".parse::<Shard>().unwrap().to_string(), "2/5");
    }
}
