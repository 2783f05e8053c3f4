//! Tests of the connectieplan on the Twente fixture, its rows reversed, and a workspace with
//! memberships only.

use super::topic::single_points;
use super::*;
use crate::io::{Source, load};
use crate::model::{ActorId, Date, Network};

const FILES: [(&str, &[u8]); 4] = [
    ("actors.csv", include_bytes!("../../../fixtures/connectieplan/actors.csv")),
    ("relations.csv", include_bytes!("../../../fixtures/connectieplan/relations.csv")),
    ("coalitions.csv", include_bytes!("../../../fixtures/connectieplan/coalitions.csv")),
    ("members.csv", include_bytes!("../../../fixtures/connectieplan/members.csv")),
];

fn network_of(files: &[(&str, Vec<u8>)]) -> Network {
    let files = files.iter().map(|(name, bytes)| ((*name).to_owned(), bytes.clone())).collect();
    load(&Source::Memory(files)).unwrap()
}

fn fixture() -> Network {
    network_of(&FILES.map(|(name, bytes)| (name, bytes.to_vec())))
}

/// The fixture with the data rows of every file in reverse order.
fn fixture_reversed() -> Network {
    network_of(&FILES.map(|(name, bytes)| {
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        lines[1..].reverse();
        (name, (lines.join("\n") + "\n").into_bytes())
    }))
}

fn plan_of(network: &Network, coalition: &str) -> Connectieplan {
    connectieplan(network, network.coalition_id(coalition).unwrap(), &PlanConfig::default())
        .expect("finite amounts")
}

fn keys(network: &Network, actors: impl IntoIterator<Item = ActorId>) -> Vec<String> {
    actors.into_iter().map(|a| network.actor(a).key.clone()).collect()
}

fn topic<'a>(plan: &'a Connectieplan, name: &str) -> &'a PlanTopic {
    plan.topics.iter().find(|t| t.topic == name).unwrap()
}

#[test]
fn topics_are_themes_plus_relation_topics_by_name_with_their_status() {
    let network = fixture();
    let plan = plan_of(&network, "twente");
    let statuses: Vec<(&str, TopicStatus, bool)> =
        plan.topics.iter().map(|t| (t.topic.as_str(), t.status, t.is_theme)).collect();
    assert_eq!(
        statuses,
        [
            ("arbeidsmarkt en talent", TopicStatus::Fragile, true),
            ("bereikbaarheid", TopicStatus::Gap, true),
            ("circulaire economie", TopicStatus::Covered, true),
            ("water en bodem", TopicStatus::Fragile, false),
        ]
    );
}

#[test]
fn a_covered_topic_has_independent_ties_and_its_owners_and_counterparts() {
    let network = fixture();
    let plan = plan_of(&network, "twente");
    let circular = topic(&plan, "circulaire economie");
    let ties: Vec<(String, String, TieMatch)> = circular
        .ties
        .iter()
        .map(|t| (network.actor(t.rijk).key.clone(), network.actor(t.region).key.clone(), t.via))
        .collect();
    assert_eq!(
        ties,
        [
            ("dep_ezk_ik".to_owned(), "kn_utwente".to_owned(), TieMatch::Topic),
            ("dep_ezk_re".to_owned(), "twente_board".to_owned(), TieMatch::Topic),
            ("min_ezk".to_owned(), "prov_overijssel".to_owned(), TieMatch::Topic),
        ]
    );
    assert!(circular.single_points.is_empty());
    assert!(circular.proposed.is_empty());
    // VNO-NCW works on it through a regional tie with that topic.
    assert_eq!(
        keys(&network, circular.regional_owners.iter().map(|o| o.actor)),
        ["bus_vno_ncw", "kn_utwente", "prov_overijssel", "twente_board"]
    );
    assert!(circular.regional_owners.iter().all(|o| o.via == RegionalBasis::WorksOnIt));
    assert_eq!(
        keys(&network, circular.rijk_counterparts.iter().map(|c| c.actor)),
        ["dep_ezk_ik", "dep_ezk_re", "min_ezk"]
    );
}

#[test]
fn a_topic_through_one_person_is_fragile_and_gets_a_second_independent_tie() {
    let network = fixture();
    let plan = plan_of(&network, "twente");
    let labour = topic(&plan, "arbeidsmarkt en talent");
    assert_eq!(labour.ties.len(), 2);
    // The tie with Saxion has no topic: both ends work on the theme.
    assert_eq!(labour.ties[1].via, TieMatch::Themes);
    assert_eq!(keys(&network, labour.single_points.iter().copied()), ["dep_ocw_mbo"]);
    let [proposal] = labour.proposed.as_slice() else { panic!("{:?}", labour.proposed) };
    assert_eq!(keys(&network, [proposal.rijk, proposal.region]), ["min_szw", "kn_saxion"]);
    assert_eq!(proposal.goal, ProposalGoal::Cover);
    assert_eq!(proposal.rijk_basis, CounterpartSource::ThemeMap);
    assert_eq!(proposal.region_basis, RegionalBasis::WorksOnIt);

    // One tie: both ends are single points; no owner besides the waterschap, so the
    // proposal can only bring in a new Rijk person.
    let water = topic(&plan, "water en bodem");
    assert_eq!(keys(&network, water.single_points.iter().copied()), ["min_lnv", "ws_vechtstromen"]);
    let [proposal] = water.proposed.as_slice() else { panic!("{:?}", water.proposed) };
    assert_eq!(keys(&network, [proposal.rijk, proposal.region]), ["min_ienw", "ws_vechtstromen"]);
    assert_eq!(proposal.goal, ProposalGoal::Spread);
}

#[test]
fn a_gap_is_closed_by_the_mapped_ministry_and_the_owner_with_the_most_ties() {
    let network = fixture();
    let plan = plan_of(&network, "twente");
    let access = topic(&plan, "bereikbaarheid");
    assert!(access.ties.is_empty());
    assert_eq!(
        keys(&network, access.regional_owners.iter().map(|o| o.actor)),
        ["prov_overijssel", "regio_twente"]
    );
    let counterparts: Vec<(String, CounterpartSource)> = access
        .rijk_counterparts
        .iter()
        .map(|c| (network.actor(c.actor).key.clone(), c.via))
        .collect();
    assert_eq!(counterparts, [("min_ienw".to_owned(), CounterpartSource::ThemeMap)]);
    // Regio Twente has two partners, the province one.
    let [proposal] = access.proposed.as_slice() else { panic!("{:?}", access.proposed) };
    assert_eq!(keys(&network, [proposal.rijk, proposal.region]), ["min_ienw", "regio_twente"]);
    assert_eq!(proposal.goal, ProposalGoal::CloseGap);
}

#[test]
fn signatories_without_a_working_tie_and_dealmakers_are_found() {
    let network = fixture();
    let plan = plan_of(&network, "twente");
    // BZK is connected through its dealmaker, LNV through the waterschap, EZK and OCW
    // through their directorates; IenW only signed.
    assert_eq!(keys(&network, plan.unconnected_signatories.iter().copied()), ["min_ienw"]);
    assert_eq!(
        keys(&network, plan.rijk_signatories.iter().copied()),
        ["min_bzk", "min_ezk", "min_ienw", "min_lnv", "min_ocw"]
    );
    assert_eq!(keys(&network, plan.dealmakers.iter().copied()), ["dm_twente"]);
}

#[test]
fn the_plan_does_not_depend_on_the_order_of_rows() {
    let (a, b) = (fixture(), fixture_reversed());
    let (plan_a, plan_b) = (plan_of(&a, "twente"), plan_of(&b, "twente"));
    let summary = |network: &Network, plan: &Connectieplan| -> Vec<String> {
        let mut out: Vec<String> = plan
            .topics
            .iter()
            .map(|t| {
                format!(
                    "{} {} owners={:?} counterparts={:?} ties={:?} points={:?} proposed={:?}",
                    t.topic,
                    t.status.as_str(),
                    keys(network, t.regional_owners.iter().map(|o| o.actor)),
                    keys(network, t.rijk_counterparts.iter().map(|c| c.actor)),
                    t.ties
                        .iter()
                        .map(|x| keys(network, [x.rijk, x.region]).join("-"))
                        .collect::<Vec<_>>(),
                    keys(network, t.single_points.iter().copied()),
                    t.proposed
                        .iter()
                        .map(|p| keys(network, [p.rijk, p.region]).join("-"))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        out.push(format!("{:?}", keys(network, plan.unconnected_signatories.iter().copied())));
        out.push(format!("{:?}", keys(network, plan.dealmakers.iter().copied())));
        out
    };
    assert_eq!(summary(&a, &plan_a), summary(&b, &plan_b));
}

#[test]
fn without_relations_or_actor_themes_the_signatories_stand_in_and_every_topic_is_a_gap() {
    let network = network_of(&[
        (
            "actors.csv",
            b"id,name,sector,level,parent,kind\n\
              rijk,Rijk,government,national,,\n\
              min_ocw,OCW,government,national,rijk,ministry\n\
              min_lnv,LNV,government,national,rijk,ministry\n\
              gem_b,Gemeente B,government,municipal,,municipality\n\
              prov,Provincie,government,provincial,,province\n\
              roc,ROC,knowledge,regional,,vocational_college\n"
                .to_vec(),
        ),
        ("coalitions.csv", b"id,name,themes\nd,Deal,onderwijs; techniek\n".to_vec()),
        (
            "members.csv",
            b"coalition,actor,role\nd,min_ocw,signatory\nd,min_lnv,signatory\n\
              d,gem_b,signatory\nd,prov,signatory\nd,roc,involved\n"
                .to_vec(),
        ),
    ]);
    let plan = plan_of(&network, "d");
    assert!(plan.topics.iter().all(|t| t.status == TopicStatus::Gap));
    let education = topic(&plan, "onderwijs");
    assert_eq!(
        keys(&network, education.regional_owners.iter().map(|o| o.actor)),
        ["gem_b", "prov"]
    );
    assert!(education.regional_owners.iter().all(|o| o.via == RegionalBasis::Signatory));
    // The province is the broadest level among equally tied signatories.
    let [proposal] = education.proposed.as_slice() else { panic!() };
    assert_eq!(keys(&network, [proposal.rijk, proposal.region]), ["min_ocw", "prov"]);
    assert_eq!(proposal.region_basis, RegionalBasis::Signatory);
    // No ministry holds "techniek": no counterpart, no proposal.
    let technology = topic(&plan, "techniek");
    assert!(technology.rijk_counterparts.is_empty() && technology.proposed.is_empty());
    assert_eq!(
        keys(&network, plan.unconnected_signatories.iter().copied()),
        ["min_lnv", "min_ocw"]
    );
    assert!(plan.dealmakers.is_empty());
}

#[test]
fn single_points_are_the_actors_on_every_pair() {
    let [a, b, c, d] = [0, 1, 2, 3].map(ActorId::from_index);
    assert_eq!(single_points(&[]), []);
    assert_eq!(single_points(&[(a, b)]), [a, b]);
    assert_eq!(single_points(&[(a, b), (a, c)]), [a]);
    assert_eq!(single_points(&[(a, b), (c, b)]), [b]);
    assert!(single_points(&[(a, b), (c, d)]).is_empty());
    assert!(single_points(&[(a, b), (a, d), (c, b)]).is_empty());
}

fn twente_analyst() -> Network {
    load(&Source::Folder("fixtures/twente-analyst".into())).unwrap()
}

fn plan_at(network: &Network, coalition: &str, date: (i32, u32, u32)) -> Connectieplan {
    let day = Date::from_ymd_opt(date.0, date.1, date.2).unwrap();
    let config = PlanConfig::default().with_at(day);
    connectieplan(network, network.coalition_id(coalition).unwrap(), &config)
        .expect("finite amounts")
}

fn statuses(plan: &Connectieplan) -> Vec<(&str, TopicStatus)> {
    plan.topics.iter().map(|t| (t.topic.as_str(), t.status)).collect()
}

#[test]
fn ties_that_ended_before_the_date_carry_no_topic() {
    let network = twente_analyst();
    // On the deal's last day EZK's two circulaire-economie ties have ended: a gap, and EZK
    // signed without a working tie.
    let late = plan_at(&network, "rd_twente", (2022, 12, 31));
    assert_eq!(
        statuses(&late),
        [
            ("arbeidsmarkt en talent", TopicStatus::Covered),
            ("bereikbaarheid", TopicStatus::Fragile),
            ("circulaire economie", TopicStatus::Gap),
        ]
    );
    assert_eq!(keys(&network, late.unconnected_signatories.iter().copied()), ["ministerie_ezk"]);
    assert_eq!(late.moment.and_then(|m| m.date), Date::from_ymd_opt(2022, 12, 31));
    // In mid-2020 both held, both through EZK's Directie Regionale Economie: fragile.
    let early = plan_at(&network, "rd_twente", (2020, 6, 1));
    let circular = topic(&early, "circulaire economie");
    assert_eq!(circular.status, TopicStatus::Fragile);
    assert_eq!(
        circular.ties.iter().map(|t| keys(&network, [t.rijk, t.region])).collect::<Vec<_>>(),
        [["ezk_re", "kn_utwente"], ["ezk_re", "twente_board"]]
    );
    assert_eq!(keys(&network, circular.single_points.iter().copied()), ["ezk_re"]);
    assert!(early.unconnected_signatories.is_empty());
    // Without a date every tie counts, whenever it held.
    let all =
        connectieplan(&network, network.coalition_id("rd_twente").unwrap(), &PlanConfig::default())
            .expect("finite amounts");
    assert_eq!(all.moment, None);
    assert_eq!(topic(&all, "circulaire economie").status, TopicStatus::Fragile);
}

#[test]
fn ties_without_a_topic_are_the_general_ties_with_their_money() {
    let network = twente_analyst();
    let plan = plan_at(&network, "rd_twente", (2022, 12, 31));
    let general: Vec<(Vec<String>, Option<f64>)> =
        plan.general.iter().map(|t| (keys(&network, [t.rijk, t.region]), t.amount)).collect();
    let pair = |a: &str, b: &str| vec![a.to_owned(), b.to_owned()];
    // LNV's €30m funding, the dealmaker's and the accounthouder's contacts: no topic, and no
    // topic both ends work on.
    assert_eq!(
        general,
        [
            (pair("bzk_accounthouder", "regio_twente"), None),
            (pair("lnv_dealmaker", "prov_overijssel"), None),
            (pair("lnv_dealmaker", "regio_twente"), None),
            (pair("lnv_dealmaker", "twente_board"), None),
            (pair("ministerie_lnv", "regio_twente"), Some(30_000_000.0)),
        ]
    );
    assert!(plan.general.iter().all(|t| t.via == TieMatch::General));
    // A topic's ties carry the sum of their relations' amounts.
    let labour = topic(&plan, "arbeidsmarkt en talent");
    let roc = labour.ties.iter().find(|t| network.actor(t.region).key == "kn_roc").unwrap();
    assert_eq!(roc.amount, Some(1_500_000.0));
    assert_eq!(keys(&network, plan.dealmakers.iter().copied()), ["lnv_dealmaker"]);
}

#[test]
fn a_membership_that_does_not_hold_on_the_date_makes_no_member() {
    let network = network_of(&[
        (
            "actors.csv",
            b"id,name,sector,level,parent,kind,themes\n\
              rijk,Rijk,government,national,,,\n\
              min_a,A,government,national,rijk,ministry,zorg\n\
              dir_a,Directie A,government,national,min_a,department,\n\
              left,Left,business,regional,,,zorg\n\
              stays,Stays,business,regional,,,\n"
                .to_vec(),
        ),
        ("relations.csv", b"source,target,layer,topic\ndir_a,stays,collaboration,\n".to_vec()),
        ("coalitions.csv", b"id,name,themes\nd,Deal,zorg\n".to_vec()),
        (
            "members.csv",
            b"coalition,actor,role,since,until\nd,min_a,signatory,,\n\
              d,left,project_partner,2018-01-01,2020-12-31\nd,stays,lead,,\n"
                .to_vec(),
        ),
    ]);
    let owners = |plan: &Connectieplan| {
        keys(&network, topic(plan, "zorg").regional_owners.iter().map(|o| o.actor))
    };
    assert_eq!(owners(&plan_at(&network, "d", (2019, 1, 1))), ["left"]);
    // After it left, the lead stands in.
    let later = plan_at(&network, "d", (2021, 1, 1));
    assert_eq!(owners(&later), ["stays"]);
    assert_eq!(topic(&later, "zorg").regional_owners[0].via, RegionalBasis::Lead);
    // The directorate counts for its signing ministry (a unit of a member, as
    // `Scope::Coalition`): its topic-less tie is general, and the ministry is connected.
    assert_eq!(keys(&network, later.general.iter().map(|t| t.rijk)), ["dir_a"]);
    assert!(later.unconnected_signatories.is_empty());
}
