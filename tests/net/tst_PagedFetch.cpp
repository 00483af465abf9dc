#include "ProviderTestRig.h"
#include "net/PagedFetch.h"
#include "providers/ProviderCalls.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace trunkline;
using namespace Qt::StringLiterals;
using net::PageContent;
using net::PagedFetch;
using net::PagedFetchResult;
using namespace trunkline::test; // the rig: ProviderRig, await, listAll, ...

namespace {

// Restcomm's IncomingPhoneNumbers list (docs/api/restcomm-numbers.md §4): 0-based Page, num_pages = index of
// the last page, next_page_uri without the /restcomm prefix.
struct RestcommList {
    QString accountSid;
    int pageSize = 50;
    bool readCount = true; // false = behave as if the provider omitted the count
    int total = -1;        // "total" of the last page read

    QString path() const {
        return u"/restcomm/2012-04-24/Accounts/"_s + accountSid + u"/IncomingPhoneNumbers.json"_s;
    }

    PagedFetch::RequestForPage requests() const {
        const QString listPath = path();
        const int size = pageSize;
        return [listPath, size](int page) {
            net::ApiRequest request = net::ApiRequest::get(listPath);
            request.query.addQueryItem(u"Page"_s, QString::number(page - 1));
            request.query.addQueryItem(u"PageSize"_s, QString::number(size));
            request.subject = u"incoming numbers"_s;
            return request;
        };
    }

    PagedFetch::PageReader reader(const QUrl& baseUrl) {
        return [this, baseUrl](const net::ApiResult& result, QString* problem) -> std::optional<PageContent> {
            const QJsonObject body = result.json().object();
            if (!body.value(u"incomingPhoneNumbers"_s).isArray()) {
                *problem = u"no incomingPhoneNumbers"_s;
                return std::nullopt;
            }
            total = body.value(u"total"_s).toInt();
            PageContent content;
            content.records = body.value(u"incomingPhoneNumbers"_s).toArray();
            if (readCount)
                content.totalPages = body.value(u"num_pages"_s).toInt() + 1;
            const QString next = body.value(u"next_page_uri"_s).toString();
            if (next != u"null") {
                content.next = PagedFetch::requestForLink(baseUrl, next, {});
                content.next->path = u"/restcomm"_s + content.next->path + u".json"_s;
            }
            return content;
        };
    }
};

struct Collected {
    QStringList sids;
    QList<int> pages;
    int finishedCount = 0;
    PagedFetchResult result;
};

void collect(PagedFetch& fetch, Collected* out) {
    QObject::connect(&fetch, &PagedFetch::pageReceived, [out](int page, const QJsonArray& records) {
        out->pages.append(page);
        for (const QJsonValue& record : records)
            out->sids.append(record.toObject().value(u"sid"_s).toString());
    });
    QObject::connect(&fetch, &PagedFetch::finished, [out](const PagedFetchResult& result) {
        ++out->finishedCount;
        out->result = result;
    });
}

QStringList sortedUnique(const QStringList& list) {
    QStringList copy = list;
    copy.sort();
    copy.removeDuplicates();
    return copy;
}

// Restcomm's numbers at `rig`, fetched page by page into `got` once `fetch` starts.
struct RestcommFetch {
    RestcommFetch(ProviderRig& rig, int pageSize, bool readCount = true)
        : list{rig.server.credentials().restcommAccountSid, pageSize, readCount}
        , fetch(rig.api.get(), list.requests(), list.reader(rig.api->baseUrl())) {
        collect(fetch, &got);
    }

    RestcommList list;
    PagedFetch fetch;
    Collected got;
};

emulator::EmulatorOptions withNumbers(int numbers) {
    emulator::EmulatorOptions options;
    options.numbers = numbers;
    options.seed = 7;
    return options;
}

} // namespace

class tst_PagedFetch : public QObject {
    Q_OBJECT

private slots:
    void countKnownFetchesConcurrently_data() {
        QTest::addColumn<int>("numbers");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("seed numbers only") << -1 << 50;
        QTest::newRow("one page holds all") << 300 << 1000;
        QTest::newRow("exact multiple of the page size") << 400 << 50;
        QTest::newRow("many small pages") << 1500 << 7;
    }
    void countKnownFetchesConcurrently() {
        QFETCH(int, numbers);
        QFETCH(int, pageSize);
        ProviderRig rig(Provider::Restcomm, withNumbers(numbers));
        QVERIFY2(rig.listening, qPrintable(rig.startError));
        RestcommFetch restcomm(rig, pageSize);
        auto& [list, fetch, got] = restcomm;
        fetch.start();
        QTRY_COMPARE_WITH_TIMEOUT(got.finishedCount, 1, 60000);

        QVERIFY2(got.result.complete, got.result.error ? qPrintable(got.result.error->message()) : "");
        QVERIFY(!got.result.error);
        QVERIFY(list.total > 0);
        // Restcomm's page arithmetic: pages 0..total/PageSize, the last one possibly empty.
        const int expectedPages = list.total / pageSize + 1;
        QCOMPARE(fetch.totalPages(), expectedPages);
        QCOMPARE(got.result.pages, expectedPages);
        QCOMPARE(got.sids.size(), list.total);
        QCOMPARE(got.result.records, list.total);
        QCOMPARE(sortedUnique(got.sids).size(), list.total); // every record exactly once
        QCOMPARE(rig.attempts.started, expectedPages);       // no page fetched twice
        if (expectedPages > 2)
            QVERIFY2(rig.attempts.peak > 1, "pages 2..N must be in flight together");
        QList<int> pages = got.pages;
        std::sort(pages.begin(), pages.end());
        for (int i = 0; i < pages.size(); ++i)
            QCOMPARE(pages.at(i), i + 1);
    }

    void countUnknownFollowsLinks() {
        ProviderRig rig(Provider::Restcomm, withNumbers(230));
        QVERIFY2(rig.listening, qPrintable(rig.startError));
        RestcommFetch restcomm(rig, 40, false);
        auto& [list, fetch, got] = restcomm;
        fetch.start();
        QTRY_COMPARE_WITH_TIMEOUT(got.finishedCount, 1, 30000);
        QVERIFY(got.result.complete);
        QCOMPARE(fetch.totalPages(), 0);
        QCOMPARE(got.sids.size(), list.total);
        QCOMPARE(sortedUnique(got.sids).size(), list.total);
        QCOMPARE(rig.attempts.peak, 1); // one link after another
        QCOMPARE(got.pages, (QList<int>{1, 2, 3, 4, 5, 6}));
    }

    // Every fault kind at once: 5xx, dropped connections, cut bodies. The list must still hold every
    // record exactly once, the same as a fault-free server with the same seed.
    void faultsStillYieldEveryRecordOnce() {
        emulator::EmulatorOptions faulty = withNumbers(900);
        faulty.faults.serverError = 0.15;
        faulty.faults.drop = 0.08;
        faulty.faults.truncate = 0.08;
        ProviderRig clean(Provider::Restcomm, withNumbers(900));
        ProviderRig rig(Provider::Restcomm, faulty);
        QVERIFY(clean.listening && rig.listening);

        RestcommFetch fromClean(clean, 25);
        auto& [cleanList, cleanFetch, expected] = fromClean;
        cleanFetch.start();

        RestcommFetch restcomm(rig, 25);
        auto& [list, fetch, got] = restcomm;
        fetch.start();
        QTRY_COMPARE_WITH_TIMEOUT(expected.finishedCount, 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(got.finishedCount, 1, 120000);

        QVERIFY(expected.result.complete);
        QVERIFY2(got.result.complete, got.result.error ? qPrintable(got.result.error->message()) : "");
        const emulator::ServedCounts counts = rig.server.servedCounts();
        QVERIFY2(counts.serverErrors + counts.dropped + counts.truncated > 0, "faults must have happened");
        QCOMPARE(got.sids.size(), expected.sids.size());
        QCOMPARE(sortedUnique(got.sids), sortedUnique(expected.sids));
        QCOMPARE(sortedUnique(got.sids).size(), got.sids.size());
    }

    void failedPageMakesThePullPartial() {
        emulator::EmulatorOptions faulty = withNumbers(600);
        faulty.faults.serverError = 0.5;
        ProviderRig rig(Provider::Restcomm, faulty);
        QVERIFY(rig.listening);
        rig.api->setRetryPolicy(
            net::RetryPolicy(1, std::chrono::milliseconds(1), std::chrono::milliseconds(1)));
        RestcommFetch restcomm(rig, 20);
        auto& [list, fetch, got] = restcomm;
        fetch.start();
        QTRY_COMPARE_WITH_TIMEOUT(got.finishedCount, 1, 30000);
        QVERIFY(!got.result.complete);
        QVERIFY(got.result.error);
        QCOMPARE(got.result.error->kind, net::ApiError::Kind::Server);
        QVERIFY(got.result.records < 600);
        QTest::qWait(50);
        QCOMPARE(got.finishedCount, 1); // exactly once, even with answers still arriving
    }

    void cancelStopsEverything() {
        emulator::EmulatorOptions slow = withNumbers(800);
        slow.faults.latencyMinMs = 40;
        slow.faults.latencyMaxMs = 80;
        ProviderRig rig(Provider::Restcomm, slow);
        QVERIFY(rig.listening);
        RestcommFetch restcomm(rig, 20);
        auto& [list, fetch, got] = restcomm;
        // Cancel from inside the handler of the first page, while pages 2..N are on their way.
        QObject::connect(&fetch, &PagedFetch::pageReceived, &fetch, [&fetch](int) { fetch.cancel(); });
        fetch.start();
        QTRY_COMPARE_WITH_TIMEOUT(got.finishedCount, 1, 30000);
        QCOMPARE(got.pages.size(), 1);
        QVERIFY(!got.result.complete);
        QVERIFY(got.result.error);
        QCOMPARE(got.result.error->kind, net::ApiError::Kind::Cancelled);
        QVERIFY(fetch.isFinished());
        QTest::qWait(300); // answers that were on their way must not be delivered
        QCOMPARE(got.pages.size(), 1);
        QCOMPARE(got.finishedCount, 1);
        QTRY_COMPARE(rig.api->inFlight(), 0);
    }

    void cancelBeforeAnyAnswer() {
        ProviderRig rig(Provider::Restcomm, withNumbers(100));
        QVERIFY(rig.listening);
        RestcommFetch restcomm(rig, 10);
        auto& [list, fetch, got] = restcomm;
        fetch.start();
        fetch.cancel();
        QCOMPARE(got.finishedCount, 1);
        QTest::qWait(100);
        QCOMPARE(got.pages.size(), 0);
        QCOMPARE(got.finishedCount, 1);
    }

    void unreadablePageIsAProtocolError() {
        ProviderRig rig(Provider::Restcomm, withNumbers(100));
        QVERIFY(rig.listening);
        RestcommList list{rig.server.credentials().restcommAccountSid, 10};
        PagedFetch fetch(rig.api.get(), list.requests(),
                         [](const net::ApiResult&, QString* problem) -> std::optional<PageContent> {
                             *problem = u"not a list"_s;
                             return std::nullopt;
                         });
        Collected got;
        collect(fetch, &got);
        fetch.start();
        QTRY_COMPARE(got.finishedCount, 1);
        QVERIFY(!got.result.complete);
        QCOMPARE(got.result.error->kind, net::ApiError::Kind::Protocol);
        QCOMPARE(got.result.error->detail, u"not a list"_s);
        QCOMPARE(got.result.error->provider, u"Restcomm"_s);
    }

    // Typed lists (providers/ProviderCalls.h): a record the mapper cannot read is skipped, named in
    // problems, and makes the list incomplete, so the sync engine deletes nothing after it.
    void unreadableRecordMakesTypedListIncomplete() {
        ProviderRig rig(Provider::Restcomm, withNumbers(120));
        QVERIFY(rig.listening);
        RestcommList list{rig.server.credentials().restcommAccountSid, 25};
        QObject context;
        int delivered = 0;
        std::optional<providers::ListOutcome> outcome;
        providers::RecordMapper<QString> mapper = [](const QJsonObject& record,
                                                     QString* problem) -> std::optional<QString> {
            const QString sid = record.value(u"sid"_s).toString();
            if (sid.endsWith(u'0')) {
                *problem = u"unreadable "_s + sid;
                return std::nullopt;
            }
            return sid;
        };
        providers::startTypedList<QString>(
            rig.api.get(), &context, list.requests(), list.reader(rig.api->baseUrl()), mapper,
            [&delivered](int, const QList<QString>& sids) { delivered += static_cast<int>(sids.size()); },
            [&outcome](const providers::ListOutcome& o) { outcome = o; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 30000);
        QVERIFY(!outcome->problems.isEmpty());
        QCOMPARE(delivered + static_cast<int>(outcome->problems.size()), list.total);
        QCOMPARE(outcome->records, delivered);
        QVERIFY(!outcome->complete);
        QVERIFY(outcome->error);
        QCOMPARE(outcome->error->kind, net::ApiError::Kind::Protocol);
        QCOMPARE(outcome->error->detail, outcome->problems.first());
    }

    void requestForLink_data() {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::newRow("absolute, root base")
            << u"http://127.0.0.1:5000"_s
            << u"http://127.0.0.1:5000/restapi/v1.0/account/1/extension?page=2&perPage=100"_s
            << u"/restapi/v1.0/account/1/extension"_s << u"page=2&perPage=100"_s;
        QTest::newRow("absolute, base with path")
            << u"https://api.telnyx.com/v2"_s
            << u"https://api.telnyx.com/v2/porting_orders?page%5Bnumber%5D=3"_s << u"/porting_orders"_s
            << u"page%5Bnumber%5D=3"_s;
        QTest::newRow("relative path")
            << u"http://127.0.0.1:5000"_s
            << u"/2012-04-24/Accounts/AC1/IncomingPhoneNumbers?Page=1&PageSize=50"_s
            << u"/2012-04-24/Accounts/AC1/IncomingPhoneNumbers"_s << u"Page=1&PageSize=50"_s;
    }
    void requestForLink() {
        QFETCH(QString, base);
        QFETCH(QString, link);
        QFETCH(QString, path);
        QFETCH(QString, query);
        net::ApiRequest like = net::ApiRequest::get({}, u"Medium"_s);
        like.subject = u"the list"_s;
        const net::ApiRequest request = PagedFetch::requestForLink(QUrl(base), link, like);
        QCOMPARE(request.path, path);
        QCOMPARE(request.query.toString(QUrl::FullyEncoded), query);
        QCOMPARE(request.rateGroup, u"Medium"_s);
        QCOMPARE(request.subject, u"the list"_s);
    }
};

QTEST_GUILESS_MAIN(tst_PagedFetch)
#include "tst_PagedFetch.moc"
