//! Robustness: mutated workspaces (random bytes, BOMs, wrong delimiters, NaN/inf/1e400, huge
//! ids, duplicated headers, truncated quotes, empty files) go through loading and every
//! analysis without a panic; problems come back as `path:line: message`.

use proptest::prelude::*;
use stakenet::CoalitionId;
use stakenet::analysis::{
    BrokerageConfig, CentralityConfig, GroupBy, brokerage, centrality, graph_structure,
    group_nodes, layer_views, multiplex, summarize,
};
use stakenet::analysis::{
    DependenceMatrix, DependenceSource, InterdependenceConfig, Moment, PlanConfig, Profile,
    asymmetry, compare, connectieplan, interdependence, suspects,
};
use stakenet::{Source, View, ViewSpec, load};

use crate::common::fixture;

const FILES: [&str; 4] = ["actors.csv", "relations.csv", "coalitions.csv", "members.csv"];

fn tiny_files() -> Vec<(String, Vec<u8>)> {
    FILES.iter().map(|f| (f.to_string(), std::fs::read(fixture("tiny").join(f)).unwrap())).collect()
}

/// One way to damage a workspace.
#[derive(Clone, Debug)]
enum Mutation {
    FlipByte { file: usize, at: usize, byte: u8 },
    InsertText { file: usize, at: usize, text: &'static str },
    Truncate { file: usize, at: usize },
    Empty { file: usize },
    Remove { file: usize },
    Bom { file: usize },
    Delimiter { file: usize, to: u8 },
    DuplicateHeader { file: usize },
}

const NASTY: &[&str] = &[
    "NaN",
    "inf",
    "-inf",
    "1e400",
    "-0",
    "\"",
    "\"\"",
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{202e}",
    "<script>alert(1)</script>",
    "=1+1",
    "9999999999999999999999",
    "a;b|c",
    "\0",
    "ü",
    "x,y,z,w,v,u,t",
    "2020-02-30",
    "true",
    "-1",
    "0",
    "rijk",
    "min_a",
    "deal_x",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let file = 0usize..4;
    prop_oneof![
        (file.clone(), any::<prop::sample::Index>(), any::<u8>())
            .prop_map(|(file, at, byte)| Mutation::FlipByte { file, at: at.index(10_000), byte }),
        (file.clone(), any::<prop::sample::Index>(), prop::sample::select(NASTY))
            .prop_map(|(file, at, text)| Mutation::InsertText { file, at: at.index(10_000), text }),
        (file.clone(), any::<prop::sample::Index>())
            .prop_map(|(file, at)| Mutation::Truncate { file, at: at.index(10_000) }),
        file.clone().prop_map(|file| Mutation::Empty { file }),
        file.clone().prop_map(|file| Mutation::Remove { file }),
        file.clone().prop_map(|file| Mutation::Bom { file }),
        (file.clone(), prop::sample::select(vec![b';', b'\t', b'|', b' ']))
            .prop_map(|(file, to)| Mutation::Delimiter { file, to }),
        file.prop_map(|file| Mutation::DuplicateHeader { file }),
    ]
}

fn apply(files: &mut Vec<(String, Vec<u8>)>, mutation: &Mutation) {
    let name = |file: usize| FILES[file];
    let Some(position) = files.iter().position(|(n, _)| {
        let file = match mutation {
            Mutation::FlipByte { file, .. }
            | Mutation::InsertText { file, .. }
            | Mutation::Truncate { file, .. }
            | Mutation::Empty { file }
            | Mutation::Remove { file }
            | Mutation::Bom { file }
            | Mutation::Delimiter { file, .. }
            | Mutation::DuplicateHeader { file } => *file,
        };
        n == name(file)
    }) else {
        return;
    };
    let bytes = &mut files[position].1;
    match mutation {
        Mutation::FlipByte { at, byte, .. } => {
            if !bytes.is_empty() {
                let at = at % bytes.len();
                bytes[at] = *byte;
            }
        }
        Mutation::InsertText { at, text, .. } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, text.bytes());
        }
        Mutation::Truncate { at, .. } => {
            let at = at % (bytes.len() + 1);
            bytes.truncate(at);
        }
        Mutation::Empty { .. } => bytes.clear(),
        Mutation::Remove { .. } => {
            files.remove(position);
        }
        Mutation::Bom { .. } => {
            bytes.splice(0..0, [0xEF, 0xBB, 0xBF]);
        }
        Mutation::Delimiter { to, .. } => {
            for b in bytes.iter_mut() {
                if *b == b',' {
                    *b = *to;
                }
            }
        }
        Mutation::DuplicateHeader { .. } => {
            if let Some(end) = bytes.iter().position(|&b| b == b'\n') {
                let header = bytes[..end].to_vec();
                bytes.splice(end..end, [b",".as_slice(), &header].concat());
            }
        }
    }
}

/// Loads and, when the workspace is valid, runs every analysis.
fn exercise(files: Vec<(String, Vec<u8>)>) {
    match load(&Source::Memory(files)) {
        Err(error) => {
            let diagnostics = error.diagnostics();
            assert!(!diagnostics.is_empty());
            for d in diagnostics.items() {
                let text = d.to_string();
                let (place, message) = text.split_once(": ").expect("path: message");
                assert!(!message.is_empty(), "{text}");
                let mut parts = place.rsplitn(2, ':');
                let last = parts.next().unwrap();
                if parts.next().is_some() {
                    assert!(last.parse::<u64>().is_ok_and(|l| l >= 1), "line number in {text:?}");
                }
                assert!(FILES.iter().any(|f| place.starts_with(f)), "{text}");
            }
        }
        Ok(network) => {
            summarize(&network);
            let spec = ViewSpec::default();
            let view = View::build(&network, &spec).unwrap();
            for weighted in [false, true] {
                // Non-convergence is a typed answer, not a panic.
                let _ = centrality(&view, &CentralityConfig::default().with_weighted(weighted));
            }
            graph_structure(&view);
            for by in [
                GroupBy::Sector,
                GroupBy::Side,
                GroupBy::Level,
                GroupBy::Attribute("website".into()),
            ] {
                if let Ok(grouping) = group_nodes(&network, &view, &by) {
                    let _ = brokerage(
                        &view,
                        &grouping,
                        &BrokerageConfig::default().with_weighted(true).with_expected(true),
                    );
                }
            }
            let views = layer_views(&network, &spec).unwrap();
            let _ = multiplex(&views);
            let coalitions: Vec<CoalitionId> =
                (0..network.coalitions().len()).map(CoalitionId::from_index).collect();
            // Asymmetry reads one grouping for views over the same actors: the first layer's.
            if let Some(first) = views.first() {
                if let Ok(groups) = group_nodes(&network, first, &GroupBy::Side) {
                    let _ = asymmetry(&network, &views[..1], &groups, &coalitions);
                }
            }
            for layer_view in &views {
                for source in [DependenceSource::Dependency, DependenceSource::Inflow] {
                    if let Ok(d) = DependenceMatrix::from_view(layer_view, source) {
                        let _ = interdependence(&d, &InterdependenceConfig::default());
                    }
                }
            }
            let profile = Profile::default();
            let _ = compare(&network, &profile, Moment::any());
            for &coalition in &coalitions {
                let _ = suspects(&network, coalition, &profile, None);
                let _ = connectieplan(&network, coalition, &PlanConfig::default());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn mutated_workspaces_never_panic(mutations in proptest::collection::vec(mutation(), 1..5)) {
        let mut files = tiny_files();
        for m in &mutations {
            apply(&mut files, m);
        }
        exercise(files);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), file in 0usize..4) {
        let mut files = tiny_files();
        files[file].1 = bytes;
        exercise(files);
    }

    #[test]
    fn random_json_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut document = br#"{"actors": [{"id": "a"}, {"id": "b", "parent": "a"}], "relations": ["#.to_vec();
        document.extend(bytes);
        let _ = load(&Source::Memory(vec![("network.json".into(), document)]));
    }
}

#[test]
fn extreme_values_get_clear_errors() {
    let huge_id = "x".repeat(100_000);
    let files = vec![(
        "actors.csv".to_owned(),
        format!("id,influence\n{huge_id},1e400\nb,NaN\nc,-inf\n").into_bytes(),
    )];
    let error = load(&Source::Memory(files)).unwrap_err();
    let messages: Vec<String> =
        error.diagnostics().items().iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("actors.csv:2: `influence`: `1e400` is not a finite number"));
    assert!(messages[1].starts_with("actors.csv:3: `influence`: `NaN` is not a finite number"));
}
