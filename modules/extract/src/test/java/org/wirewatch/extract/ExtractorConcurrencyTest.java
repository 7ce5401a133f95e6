package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.json.AvroJson;

/** One extractor is shared by every stream thread: concurrent calls give the single-thread output. */
class ExtractorConcurrencyTest {

    @Test
    void shouldGiveTheSameOutputWhenSharedByConcurrentThreads() throws Exception {
        // given
        Extractor extractor = Extractor.create();
        List<Corpus.Entry> corpus = Corpus.load();
        List<String> expected = new ArrayList<>();
        for (Corpus.Entry e : corpus) {
            expected.add(AvroJson.toJson(extractor.extract(e.report())));
        }

        // when
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int round = 0; round < 2; round++) {
                        out.clear();
                        for (Corpus.Entry e : corpus) {
                            out.add(AvroJson.toJson(extractor.extract(e.report())));
                        }
                    }
                    return out;
                }));
            }

            // then
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
