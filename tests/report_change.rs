//! The report's change parts: "Compared with the previous deal" for a returning region of the
//! bundled workspace and "Since the baseline" (`--baseline DATE` on `fixtures/twente-analyst`,
//! `--baseline WORKSPACE` on a copy with planted changes), their sentences checked against
//! numbers worked out here from the raw CSV files and against `stakenet diff --format json`;
//! refusals of `--baseline`; the same bytes at any thread count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::common::{files_under, repo_root, stakenet, stderr_text, stdout_json};

/// Runs `stakenet report ARGS -o DIR` and returns `index.html`.
fn report_page(args: &[&str], dir: &Path) -> String {
    stakenet().arg("report").args(args).arg("-o").arg(dir).assert().success();
    std::fs::read_to_string(dir.join("index.html")).unwrap()
}

/// The text of HTML markup: tags dropped, XML's five entities read.
fn text(markup: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The markup of the part `heading` of coalition `key`'s section (up to the next `<h3>`).
fn part<'p>(page: &'p str, key: &str, heading: &str) -> Option<&'p str> {
    let start = page.find(&format!("id=\"c-{key}\""))?;
    let section = &page[start..];
    let section = &section[..section.find("</section>").unwrap_or(section.len())];
    let at = section.find(&format!("<h3>{heading}</h3>"))?;
    let rest = &section[at + heading.len() + 9..];
    Some(&rest[..rest.find("<h3>").unwrap_or(rest.len())])
}

/// The sentences of a part, as text (one line each).
fn sentences(part: &str) -> String {
    let start = part.find("<ul class=\"compact change\">").expect("the sentences");
    let rest = &part[start..];
    text(&rest[..rest.find("</ul>").unwrap()]).trim().to_owned()
}

/// The whole number right after `prefix` in `text`.
fn number_after(text: &str, prefix: &str) -> Option<f64> {
    let at = text.find(prefix)? + prefix.len();
    let digits: String =
        text[at..].chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    digits.trim_end_matches('.').parse().ok()
}

/// "rose from B to A" / "fell from B to A" / "stayed at A" after `what`, as (before, after),
/// the numbers as written (a trailing % dropped).
fn movement(text: &str, what: &str) -> (f64, f64) {
    let at = text.find(what).unwrap_or_else(|| panic!("no `{what}` in: {text}")) + what.len();
    let rest = text[at..].trim_start();
    let number = |s: &str| -> f64 {
        s.trim_end_matches(['.', ',', ';', '%']).parse().unwrap_or_else(|_| panic!("{s}: {text}"))
    };
    let words: Vec<&str> = rest.split_whitespace().take(5).collect();
    match words.as_slice() {
        ["rose" | "fell", "from", b, "to", a, ..] => (number(b), number(a)),
        ["stayed", "at", a, ..] => (number(a), number(a)),
        _ => panic!("no movement after `{what}`: {rest}"),
    }
}

fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    reader
        .records()
        .map(|r| header.iter().cloned().zip(r.unwrap().iter().map(str::to_owned)).collect())
        .collect()
}

fn figure(doc: &Value, section: &str, name: &str) -> (Option<f64>, Option<f64>) {
    let f = doc[section].as_array().unwrap().iter().find(|f| f["figure"] == name).unwrap();
    (f["before"].as_f64(), f["after"].as_f64())
}

fn percent(share: f64) -> f64 {
    (share * 100.0).round()
}

#[test]
fn a_returning_region_is_compared_with_its_previous_deal() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("report");
    let at = "2025-06-01";
    let page = report_page(
        &["--coalition", "rd5_achterhoek_ii", "--coalition", "rd_achterhoek", "--at", at],
        &dir,
    );
    // The first deal follows none: no such part.
    assert!(part(&page, "rd_achterhoek", "Compared with the previous deal").is_none());
    assert!(part(&page, "rd5_achterhoek_ii", "Since the baseline").is_none(), "no --baseline");
    let markup = part(&page, "rd5_achterhoek_ii", "Compared with the previous deal")
        .expect("the second deal's part");
    let said = sentences(markup);
    assert!(
        said.starts_with("Compared with the previous deal, Regio Deal Achterhoek (rd_achterhoek"),
        "{said}"
    );

    // The parties from the raw CSV files: every member but the deal's programme.
    let ws = repo_root().join("fixtures/regio-deals");
    let sector: BTreeMap<String, String> = read_csv(&ws.join("actors.csv"))
        .into_iter()
        .map(|row| (row["id"].clone(), row["sector"].clone()))
        .collect();
    let members = read_csv(&ws.join("members.csv"));
    let parties = |deal: &str| -> BTreeSet<String> {
        members
            .iter()
            .filter(|m| m["coalition"] == deal && m["role"] != "programme")
            .filter(|m| m["since"].as_str() <= at)
            .map(|m| m["actor"].clone())
            .collect()
    };
    let (first, second) = (parties("rd_achterhoek"), parties("rd5_achterhoek_ii"));
    let joined = second.difference(&first).count();
    let left = first.difference(&second).count();
    let government = |set: &BTreeSet<String>| {
        set.iter().filter(|a| sector[*a] == "government").count() as f64 / set.len() as f64
    };
    assert!(joined > 0 && left > 0, "the fixture changed: {joined} joined, {left} left");
    assert_eq!(number_after(&said, "this deal gained "), Some(joined as f64), "{said}");
    assert_eq!(number_after(&said, " and lost "), Some(left as f64), "{said}");
    assert_eq!(
        movement(&said, "Its government share"),
        (percent(government(&first)), percent(government(&second))),
        "{said}"
    );

    // The Rijk–region ties and money as `stakenet diff` gives them, and its command named.
    let doc = stdout_json(&[
        "diff",
        "--coalition",
        "rd5_achterhoek_ii",
        "--vs",
        "previous",
        "--at",
        at,
        "--format",
        "json",
    ]);
    assert_eq!(doc["members"]["joined"].as_array().unwrap().len(), joined);
    assert_eq!(doc["members"]["left"].as_array().unwrap().len(), left);
    let (b, a) = figure(&doc, "figures", "rijk_region_ties");
    assert_eq!(
        movement(&said, "Ties between the Rijk and the region"),
        (b.unwrap(), a.unwrap()),
        "{said}"
    );
    let (b, a) = figure(&doc, "money", "national_contribution");
    let millions = |x: Option<f64>| (x.unwrap() / 1e6 * 10.0).round() / 10.0;
    assert!(
        said.contains(&format!(
            "The national contribution rose from €{:.1}m to €{:.1}m",
            millions(b),
            millions(a)
        )),
        "{said}"
    );
    assert!(
        markup.contains(&format!(
            "<code>stakenet diff --coalition rd5_achterhoek_ii --vs previous --at {at}</code>"
        )),
        "{markup}"
    );
    // The data files behind the part are the diff's.
    let data = dir.join("data/rd5_achterhoek_ii");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("previous-deal.json")).unwrap())
            .unwrap();
    assert_eq!(file["members"], doc["members"]);
    assert_eq!(file["layers"], doc["layers"]);
    assert_eq!(file["topics"], doc["topics"]);
    assert!(data.join("previous-deal.csv").is_file());
}

/// The actors of `coalition`'s scope on `date`: its members then and every actor below one.
fn scope(ws: &Path, coalition: &str, date: &str) -> BTreeSet<String> {
    let parent: BTreeMap<String, String> = read_csv(&ws.join("actors.csv"))
        .into_iter()
        .map(|row| (row["id"].clone(), row["parent"].clone()))
        .collect();
    let holds = |row: &BTreeMap<String, String>| {
        row["since"].as_str() <= date && (row["until"].is_empty() || date <= row["until"].as_str())
    };
    let members: BTreeSet<String> = read_csv(&ws.join("members.csv"))
        .into_iter()
        .filter(|m| m["coalition"] == coalition && holds(m))
        .map(|m| m["actor"].clone())
        .collect();
    parent
        .keys()
        .filter(|actor| {
            let mut current = actor.as_str();
            loop {
                if members.contains(current) {
                    return true;
                }
                match parent.get(current).map(String::as_str) {
                    Some("") | None => return false,
                    Some(up) => current = up,
                }
            }
        })
        .cloned()
        .collect()
}

/// Per layer, the ties among `scope` on `date`, from relations.csv (collaboration undirected,
/// the other layers of the fixture directed).
fn ties(
    ws: &Path,
    scope: &BTreeSet<String>,
    date: &str,
) -> BTreeMap<String, BTreeSet<(String, String)>> {
    let mut out: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for r in read_csv(&ws.join("relations.csv")) {
        let holds = (r["since"].is_empty() || r["since"].as_str() <= date)
            && (r["until"].is_empty() || date <= r["until"].as_str());
        if !holds || !scope.contains(&r["source"]) || !scope.contains(&r["target"]) {
            continue;
        }
        let (s, t) = (r["source"].clone(), r["target"].clone());
        let pair = if r["layer"] == "collaboration" && t < s { (t, s) } else { (s, t) };
        out.entry(r["layer"].clone()).or_default().insert(pair);
    }
    out
}

#[test]
fn since_a_baseline_date_a_relation_that_ended_is_lost() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("report");
    let (d1, d2) = ("2020-06-30", "2022-06-30");
    let page = report_page(
        &["fixtures/twente-analyst", "--coalition", "rd_twente", "--at", d2, "--baseline", d1],
        &dir,
    );
    let markup = part(&page, "rd_twente", "Since the baseline").expect("the part");
    let said = sentences(markup);
    assert!(said.starts_with("Since 30 June 2020 the coalition"), "{said}");

    // Worked out from the CSV files: the scope on each date and the ties among it.
    let ws = repo_root().join("fixtures/twente-analyst");
    let (before, after) =
        (ties(&ws, &scope(&ws, "rd_twente", d1), d1), ties(&ws, &scope(&ws, "rd_twente", d2), d2));
    let layers: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let empty = BTreeSet::new();
    let (mut gained, mut lost) = (0, 0);
    for layer in &layers {
        let (b, a) = (before.get(*layer).unwrap_or(&empty), after.get(*layer).unwrap_or(&empty));
        gained += a.difference(b).count();
        lost += b.difference(a).count();
    }
    // Relations that ended between the dates: Almelo's collaboration with Regio Twente (2020),
    // EZK-RE's with the Twente Board (2020) and with the University (2021), both layers.
    assert!(lost >= 4, "{before:?} {after:?}");
    assert_eq!(number_after(&said, "over the layers: "), Some(gained as f64), "{said}");
    assert!(said.contains(&format!("gained, {lost} lost")), "{said}");
    assert!(text(markup).contains("Gemeente Almelo – Regio Twente"), "the lost tie is listed");
    // Gemeente Almelo left the deal at the end of 2020 (it stays as a unit of Regio Twente).
    assert!(said.contains("lost 1 (1 government body)"), "{said}");

    // The same numbers as the command the part names.
    let command = format!(
        "stakenet diff fixtures/twente-analyst --coalition rd_twente --from {d1} --to {d2}"
    );
    assert!(markup.contains(&format!("<code>{command}</code>")), "{markup}");
    let args: Vec<&str> = command.split(' ').skip(1).chain(["--format", "json"]).collect();
    let doc = stdout_json(&args);
    let lost_in_doc: usize =
        doc["layers"].as_array().unwrap().iter().map(|l| l["lost"].as_array().unwrap().len()).sum();
    assert_eq!(lost_in_doc, lost);
    let (b, a) = figure(&doc, "figures", "rijk_region_ties");
    assert_eq!(
        movement(&said, "Ties between the Rijk and the region"),
        (b.unwrap(), a.unwrap()),
        "{said}"
    );
}

/// The Rijk–region pairs of a coalition on a date from the CSV files: a relation holding then
/// between an actor below `rijk` and a regional actor of the scope, each pair once.
fn rijk_region_pairs(ws: &Path, scope: &BTreeSet<String>, date: &str) -> usize {
    let parent: BTreeMap<String, String> = read_csv(&ws.join("actors.csv"))
        .into_iter()
        .map(|row| (row["id"].clone(), row["parent"].clone()))
        .collect();
    let root = |actor: &str| {
        let mut current = actor.to_owned();
        while let Some(up) = parent.get(&current).filter(|p| !p.is_empty()) {
            current = up.clone();
        }
        current
    };
    let mut pairs = BTreeSet::new();
    for r in read_csv(&ws.join("relations.csv")) {
        let holds = (r["since"].is_empty() || r["since"].as_str() <= date)
            && (r["until"].is_empty() || date <= r["until"].as_str());
        if !holds {
            continue;
        }
        let (s, t) = (&r["source"], &r["target"]);
        for (rijk, region) in [(s, t), (t, s)] {
            if root(rijk) == "rijk" && root(region) != "rijk" && scope.contains(region) {
                pairs.insert((rijk.clone(), region.clone()));
            }
        }
    }
    pairs.len()
}

#[test]
fn a_baseline_workspace_is_matched_by_coalition_id() {
    let root = tempfile::tempdir().unwrap();
    let source = repo_root().join("fixtures/twente-analyst");
    let baseline = root.path().join("nulmeting");
    std::fs::create_dir(&baseline).unwrap();
    for file in ["actors.csv", "relations.csv", "coalitions.csv", "members.csv"] {
        std::fs::copy(source.join(file), baseline.join(file)).unwrap();
    }
    // Planted: in the baseline Demcon was not yet a member and Thales' tie did not exist, and
    // the Grensregio coalition is not there at all.
    let keep = |file: &str, drop: &dyn Fn(&str) -> bool| {
        let path = baseline.join(file);
        let kept: Vec<String> = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .filter(|line| !drop(line))
            .map(str::to_owned)
            .collect();
        std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    };
    keep("members.csv", &|l| {
        l.starts_with("rd_twente,bus_demcon,") || l.starts_with("grensregio,")
    });
    keep("coalitions.csv", &|l| l.starts_with("grensregio,"));
    keep("relations.csv", &|l| l.starts_with("lnv_dealmaker,prov_overijssel,"));
    let at = "2022-06-30";
    let dir = root.path().join("report");
    let base = baseline.display().to_string();
    let page = report_page(&["fixtures/twente-analyst", "--at", at, "--baseline", &base], &dir);

    let markup = part(&page, "rd_twente", "Since the baseline").expect("the part");
    let said = sentences(markup);
    assert!(
        said.starts_with(&format!("Since the baseline ({base}, as on 30 June 2022)")),
        "{said}"
    );
    assert!(said.contains("the coalition gained 1 party (1 business) and lost none"), "{said}");
    assert!(text(markup).contains("Demcon"), "the party that joined is listed");
    // Rijk–region ties from the CSV files: the dealmaker's tie with the province is new.
    let scope_of = |ws: &Path| scope(ws, "rd_twente", at);
    let (b, a) = (
        rijk_region_pairs(&baseline, &scope_of(&baseline), at),
        rijk_region_pairs(&source, &scope_of(&source), at),
    );
    assert_eq!(a, b + 1);
    assert_eq!(
        movement(&said, "Ties between the Rijk and the region"),
        (b as f64, a as f64),
        "{said}"
    );
    let command =
        format!("stakenet diff {base} fixtures/twente-analyst --coalition rd_twente --at {at}");
    assert!(markup.contains(&format!("<code>{command}</code>")), "{markup}");

    // The coalition the baseline lacks is said in its part, not refused.
    let missing = part(&page, "grensregio", "Since the baseline").expect("its part");
    assert!(text(missing).contains("has no coalition with the id grensregio"), "{missing}");
    // The baseline is an input: the report folder may not be inside it.
    let inside = baseline.join("report");
    let refused = stakenet()
        .args(["report", "fixtures/twente-analyst", "--baseline", &base, "-o"])
        .arg(&inside)
        .assert()
        .code(2);
    assert!(!stderr_text(&refused).is_empty());
    assert!(!inside.exists());
}

#[test]
fn refusals_name_the_value_and_what_is_accepted() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("report");
    let refused = |args: &[&str]| {
        let assert = stakenet().arg("report").args(args).arg("-o").arg(&out).assert().code(2);
        stderr_text(&assert)
    };
    for value in ["no/such/workspace", "2019-13-45"] {
        let message = refused(&["--baseline", value]);
        assert!(
            message.contains(&format!(
                "--baseline {value}: neither a date nor an existing file or folder"
            )) && message.contains("YYYY-MM-DD"),
            "{message}"
        );
    }
    let message = refused(&["--at", "2020-01-01", "--baseline", "2021-01-01"]);
    assert!(message.contains("not before the date the report describes (2020-01-01)"), "{message}");
    // A folder named like a date: both readings named, nothing guessed.
    std::fs::create_dir(root.path().join("2020-01-01")).unwrap();
    let assert = stakenet()
        .current_dir(root.path())
        .args(["report", "--baseline", "2020-01-01", "-o", "report"])
        .assert()
        .code(2);
    let message = stderr_text(&assert);
    assert!(
        message.contains("reads as the date 2020-01-01 and names the existing folder 2020-01-01"),
        "{message}"
    );
    assert!(!out.exists() && !root.path().join("report").exists());
}

#[test]
fn the_same_bytes_at_any_thread_count() {
    let root = tempfile::tempdir().unwrap();
    let args = [
        "--coalition",
        "rd5_achterhoek_ii",
        "--coalition",
        "rd4_twente_ii",
        "--baseline",
        "2023-01-01",
        "--at",
        "2025-06-01",
    ];
    let (one, two) = (root.path().join("one"), root.path().join("two"));
    stakenet().arg("report").args(args).args(["--threads", "1", "-o"]).arg(&one).assert().success();
    stakenet().arg("report").args(args).args(["--threads", "3", "-o"]).arg(&two).assert().success();
    let (a, b) = (files_under(&one), files_under(&two));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between 1 and 3 threads");
    }
    let page = String::from_utf8(a["index.html"].clone()).unwrap();
    // rd4_twente_ii started after the baseline: all its parties joined since.
    let said = sentences(part(&page, "rd4_twente_ii", "Since the baseline").unwrap());
    assert!(said.contains("parties of the coalition joined"), "{said}");
}

#[test]
fn a_deal_that_ended_before_the_baseline_says_so() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("report");
    // No --at: today (or the data's last date, 2027-06-01), each deal within its term.
    let page = report_page(&["fixtures/twente-analyst", "--baseline", "2023-01-01"], &dir);
    // rd_twente ended on 2022-12-31: described on its last day, before the baseline.
    let ended = text(part(&page, "rd_twente", "Since the baseline").unwrap());
    assert!(
        ended.contains(
            "described on 31 December 2022 (its last day), which is not after the baseline of 1 \
             January 2023"
        ),
        "{ended}"
    );
    assert!(ended.contains("no change since the baseline"), "{ended}");
    // rd_twente_2 started on 2023-06-01: every party joined since.
    let said = sentences(part(&page, "rd_twente_2", "Since the baseline").unwrap());
    assert!(
        said.starts_with("Since 1 January 2023 all 8 parties of the coalition joined"),
        "{said}"
    );
    assert!(said.contains("(it started on 1 June 2023)"), "{said}");
}
