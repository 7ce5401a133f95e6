package org.wirewatch.streams.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.claim;
import static org.wirewatch.streams.Fixtures.extraction;
import static org.wirewatch.streams.Fixtures.figure;
import static org.wirewatch.streams.Fixtures.mention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;
import org.wirewatch.streams.Fixtures;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.TestDrivers;

class IncidentStateTest {

    private static final String[] AGENCIES = {"AFP", "Reuters", "AP", "dpa", "afp ", null};
    private static final String[] ACTORS = {"US-led coalition", "Syrian army", null};
    private static final SourceType[] SOURCES = {
        SourceType.UN_NGO,
        SourceType.MONITOR,
        SourceType.GOVERNMENT,
        SourceType.MEDIA,
        SourceType.WITNESS,
        SourceType.BELLIGERENT
    };

    /** A member drawn from small value sets, so ties, shared extremes and shared agencies are common. */
    private static ReportExtraction randomMember(final Random r, final int n) {
        final String uri = "urn:story:" + n;
        final String id = uri + "#1";
        final Fixtures.MentionBuilder m = mention(id).actor(ACTORS[r.nextInt(ACTORS.length)]);
        switch (r.nextInt(5)) {
            case 0 -> m.killed((org.wirewatch.schema.CasualtyFigure) null);
            case 1 -> m.killed(figure(null, null, null));
            case 2 -> m.killed(figure(10 + r.nextInt(3), null, 20 + r.nextInt(3)));
            case 3 -> m.killed(r.nextInt(40)); // more distinct values than an extreme keeps: its holders can all leave
            default -> m.killed(10 + r.nextInt(4));
        }
        if (r.nextInt(3) == 0) {
            m.children(r.nextInt(3));
        }
        if (r.nextInt(4) == 0) {
            m.where("SY", r.nextBoolean() ? "SY-DY" : null, null);
        }
        final IncidentMention built = IncidentMention.newBuilder(m.build())
                .setDateToleranceDays(r.nextInt(3))
                .setInjured(r.nextInt(3) == 0 ? figure(r.nextInt(5), null, null) : null)
                .setEvidence(List.of(new EvidenceSpan(0, 5, "said " + n)))
                .build();
        final List<Claim> claims = new ArrayList<>();
        if (r.nextBoolean()) {
            claims.add(claim(uri + "#c1", id, "source", SOURCES[r.nextInt(SOURCES.length)], ClaimKind.FIGURE, 12));
        }
        if (r.nextInt(8) == 0) {
            claims.add(claim(
                    uri + "#c2",
                    id,
                    "Syrian army",
                    SourceType.BELLIGERENT,
                    r.nextBoolean() ? ClaimKind.CONFIRMATION : ClaimKind.DENIAL,
                    null));
        }
        return ReportExtraction.newBuilder(
                        extraction(uri, 1 + r.nextInt(2), AGENCIES[r.nextInt(AGENCIES.length)], List.of(built), claims))
                .setPublishedAt(Fixtures.PUBLISHED.plus(Duration.ofMinutes(r.nextInt(r.nextBoolean() ? 6 : 60))))
                // members of one incident extracted by different rules (during a reprocess), or before versions
                .setExtractorVersion(VERSIONS[r.nextInt(VERSIONS.length)])
                .build();
    }

    private static final String[] VERSIONS = {null, "0.1.0+aaaaaaaaaaaa", "0.1.0+bbbbbbbbbbbb"};

    private static Incident incremental(final IncidentState s, final Map<String, ReportExtraction> members) {
        final ReportExtraction primary = members.get(s.primaryMentionId());
        return s.incident("inc", IncidentMerger.mention(primary).getEvidence());
    }

    @Test
    void shouldEqualMergeOfAllMembersAfterAnySequenceOfAddsAndRemovals() {
        for (int seed = 0; seed < 16; seed++) {
            // given: an incident that grows to some dozens of members, with mentions leaving on the way
            final Random r = new Random(seed);
            final Map<String, ReportExtraction> members = new LinkedHashMap<>();
            IncidentState state = new IncidentState();
            int rebuilds = 0;
            for (int step = 0; step < 120; step++) {
                // when: a member is added, or one leaves (withdrawn, or updated: removed, then added again)
                if (members.isEmpty() || r.nextInt(3) > 0) {
                    final ReportExtraction m = randomMember(r, step);
                    members.put(IncidentMerger.mention(m).getMentionId(), m);
                    state.add(m);
                } else {
                    final List<String> ids = new ArrayList<>(members.keySet());
                    final ReportExtraction gone = members.remove(ids.get(r.nextInt(ids.size())));
                    if (!state.remove(gone)) {
                        state = IncidentState.of(members.values());
                        rebuilds++;
                    }
                }
                // then: the summary gives what merging every member gives
                if (!members.isEmpty()) {
                    assertThat(incremental(state, members))
                            .as("seed %d step %d", seed, step)
                            .isEqualTo(IncidentMerger.merge("inc", new ArrayList<>(members.values())));
                    // and its origin, which names the incident, is the member of the earliest story
                    assertThat(state.originMentionId())
                            .as("origin, seed %d step %d", seed, step)
                            .isEqualTo(members.values().stream()
                                    .min(java.util.Comparator.comparing(ReportExtraction::getPublishedAt)
                                            .thenComparing(m ->
                                                    IncidentMerger.mention(m).getMentionId()))
                                    .map(m -> IncidentMerger.mention(m).getMentionId())
                                    .orElseThrow());
                }
            }
            assertThat(rebuilds)
                    .as("seed %d: most removals need no rebuild", seed)
                    .isLessThan(30);
        }
    }

    @Test
    void shouldSubtractMentionThatWasOnlyCountedWhenItsStoryIsWithdrawn() {
        // given: forty reports, the first with the lowest figure but ranked below the sixteen listed
        final Map<String, ReportExtraction> members = new LinkedHashMap<>();
        final IncidentState state = new IncidentState();
        for (int n = 0; n < 40; n++) {
            final String uri = "urn:copy:" + n;
            final ReportExtraction m = ReportExtraction.newBuilder(extraction(
                            uri,
                            1,
                            n == 0 ? "Witness Wire" : "AFP",
                            mention(uri + "#1").killed(n == 0 ? 7 : 43).build()))
                    .setPublishedAt(Fixtures.PUBLISHED.plus(Duration.ofMinutes(n)))
                    .build();
            members.put(uri + "#1", m);
            state.add(m);
        }
        final Incident before = incremental(state, members);
        assertThat(before.getMentions())
                .hasSize(IncidentState.LISTED)
                .noneMatch(ref -> ref.getReportUri().equals("urn:copy:0"));
        assertThat(before.getKilled().getLow()).isEqualTo(7);
        assertThat(before.getSourceCount()).isEqualTo(2);
        // when: the counted-only report is withdrawn
        final ReportExtraction gone = members.remove("urn:copy:0#1");
        final boolean exact = state.remove(gone);
        // then: its figure and its agency leave the incident without a rebuild
        assertThat(exact).isTrue();
        final Incident after = incremental(state, members);
        assertThat(after.getKilled().getLow()).isEqualTo(43);
        assertThat(after.getSourceCount()).isEqualTo(1);
        assertThat(after.getMentionCount()).isEqualTo(39);
        assertThat(after.getMentionsByAgency())
                .extracting(a -> a.getAgency() + "=" + a.getMentions())
                .containsExactly("AFP=39");
        assertThat(after).isEqualTo(IncidentMerger.merge("inc", new ArrayList<>(members.values())));
    }

    @Test
    void shouldRebuildWhenEveryKeptValueOfAnExtremeLeaves() {
        // given: twenty reports with twenty different figures, more than an extreme keeps
        final Map<String, ReportExtraction> members = new LinkedHashMap<>();
        IncidentState state = new IncidentState();
        for (int n = 1; n <= 20; n++) {
            final String uri = "urn:figure:" + n;
            final ReportExtraction m =
                    extraction(uri, 1, "AFP", mention(uri + "#1").killed(n).build());
            members.put(uri + "#1", m);
            state.add(m);
        }
        // when: the reports of the lowest figures are withdrawn, one by one
        boolean rebuilt = false;
        for (int n = 1; n <= IncidentState.Extreme.VALUES + 1; n++) {
            if (!state.remove(members.remove("urn:figure:" + n + "#1"))) {
                state = IncidentState.of(members.values());
                rebuilt = true;
            }
            // then: the low is always the lowest figure left
            assertThat(incremental(state, members).getKilled().getLow()).isEqualTo(n + 1);
        }
        assertThat(rebuilt).isTrue();
    }

    @Test
    void shouldReadStateStoredBeforeOriginsWereKeptAsOneWhoseOriginIsUnknown() throws Exception {
        // given: an incident's state as the previous format stored it, without the leaders of ORIGIN
        final Map<String, ReportExtraction> members = new LinkedHashMap<>();
        final IncidentState state = new IncidentState();
        final Random r = new Random(7);
        for (int n = 0; n < 12; n++) {
            final ReportExtraction m = randomMember(r, n);
            members.put(IncidentMerger.mention(m).getMentionId(), m);
            state.add(m);
        }
        final StreamSerdes serdes = TestDrivers.serdes();
        final Incident incident = incremental(state, members);
        final byte[] current = new IncidentStateSerde(serdes)
                .serializer()
                .serialize("consolidate-incidents-changelog", new IncidentStateSerde.Stored(incident, state));
        final byte[] formatOne = withoutOrigin(current);

        // when
        final IncidentStateSerde.Stored back =
                new IncidentStateSerde(serdes).deserializer().deserialize("consolidate-incidents-changelog", formatOne);

        // then: every other part reads as it was, and the origin is known to be unknown, so consolidation rebuilds it
        assertThat(incremental(back.state(), members)).isEqualTo(incident);
        assertThat(back.state().originKnown).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> back.state().originMentionId())
                .isInstanceOf(IllegalStateException.class);
        assertThat(IncidentState.of(members.values()).originMentionId()).isEqualTo(state.originMentionId());
    }

    /** A format 2 state as format 1 wrote it: the same bytes without the last order's leaders. */
    private static byte[] withoutOrigin(final byte[] current) throws java.io.IOException {
        final java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(current));
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        final java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        assertThat(in.readByte()).isEqualTo((byte) 2);
        out.writeByte(1);
        copyBlob(in, out); // the incident
        out.writeInt(in.readInt()); // count
        for (int map = 0; map < 2; map++) { // agencies, unattributed
            final int n = in.readInt();
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                copyBlob(in, out);
                out.writeInt(in.readInt());
            }
        }
        final int cards = in.readInt();
        out.writeInt(cards);
        for (int i = 0; i < cards; i++) {
            copyBlob(in, out);
        }
        for (final IncidentState.Lead lead : IncidentState.Lead.values()) {
            final int members = in.readInt();
            final int n = in.readInt();
            final int[] items = new int[n];
            for (int i = 0; i < n; i++) {
                items[i] = in.readInt();
            }
            if (lead != IncidentState.Lead.ORIGIN) {
                out.writeInt(members);
                out.writeInt(n);
                for (final int item : items) {
                    out.writeInt(item);
                }
            }
        }
        out.write(in.readAllBytes());
        out.flush();
        return bytes.toByteArray();
    }

    /** Copies a length-prefixed byte string (a string's length is -1 for null). */
    private static void copyBlob(final java.io.DataInputStream in, final java.io.DataOutputStream out)
            throws java.io.IOException {
        final int n = in.readInt();
        out.writeInt(n);
        if (n > 0) {
            out.write(in.readNBytes(n));
        }
    }

    @Test
    void shouldKeepIncidentRecordAndStateSmallWhenThousandsOfOutletsCarryTheStory() {
        // given: 3,000 copies of one story from 1,000 outlets
        final IncidentState state = new IncidentState();
        final Map<String, ReportExtraction> members = new LinkedHashMap<>();
        for (int n = 0; n < 3_000; n++) {
            final String uri = "urn:outlet-" + (n % 1_000) + ":story:" + n;
            final ReportExtraction m = ReportExtraction.newBuilder(extraction(
                            uri, 1, "Outlet " + (n % 1_000), mention(uri + "#1").build()))
                    .setPublishedAt(Fixtures.PUBLISHED.plus(Duration.ofSeconds(n)))
                    .build();
            members.put(uri + "#1", m);
            state.add(m);
        }
        // when: the incident and its state are serialized as the store and the topic hold them
        final StreamSerdes serdes = TestDrivers.serdes();
        final Incident incident = incremental(state, members);
        final byte[] record = serdes.incident().serializer().serialize("wirewatch.incidents.v1", incident);
        final byte[] stored = new IncidentStateSerde(serdes)
                .serializer()
                .serialize("consolidate-incidents-changelog", new IncidentStateSerde.Stored(incident, state));
        // then: both stay far below 64 KiB, and every outlet and mention is still counted
        assertThat(incident.getMentions()).hasSize(IncidentState.LISTED);
        assertThat(incident.getMentionCount()).isEqualTo(3_000);
        assertThat(incident.getSourceCount()).isEqualTo(1_000);
        assertThat(incident.getMentionsByAgency()).hasSize(IncidentState.LISTED_AGENCIES);
        assertThat(record.length).isLessThan(16 * 1024);
        assertThat(stored.length).isLessThan(64 * 1024);
        final IncidentStateSerde.Stored back =
                new IncidentStateSerde(serdes).deserializer().deserialize("consolidate-incidents-changelog", stored);
        // (a record read back holds Avro arrays, whose equals cannot compare timestamps: compare from the built side)
        assertThat(incident).isEqualTo(back.incident());
        assertThat(incremental(back.state(), members)).isEqualTo(incident);
        assertThat(back.state().originMentionId()).isEqualTo(state.originMentionId());
    }
}
