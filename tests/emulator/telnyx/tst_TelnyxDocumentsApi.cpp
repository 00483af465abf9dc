// Telnyx emulator, directly and over sockets. Documents: an upload gives the id an order's documents.loa /
// documents.invoice name; what is not a PDF, JPEG or PNG, not base64, too big or fetched by URL is refused
// with the member it concerns, and an order cannot name a document that was never uploaded.

#include "TelnyxApiTest.h"
#include "emulator/telnyx/TelnyxApi.h"

#include <QUuid>

using trunkline::emulator::telnyx::TelnyxDocumentsApi;

class TestTelnyxDocumentsApi : public TelnyxApiTest {
    Q_OBJECT

private Q_SLOTS:
    void uploadGivesAnIdToReadBack() {
        TelnyxService& service = make(5);
        const Reply r = uploadDocument(service, u"loa.pdf"_s, pdfBytes());
        QCOMPARE(r.status, 200);
        const QJsonObject document = r.data();
        QVERIFY(!QUuid::fromString(document.value(u"id"_s).toString()).isNull());
        QCOMPARE(document.value(u"record_type"_s).toString(), u"document"_s);
        QCOMPARE(document.value(u"filename"_s).toString(), u"loa.pdf"_s);
        QCOMPARE(document.value(u"content_type"_s).toString(), u"application/pdf"_s);
        QCOMPARE(document.value(u"size"_s).toObject().value(u"amount"_s).toInteger(), pdfBytes().size());
        const Reply read = call(service, "GET", u"/v2/documents/"_s + document.value(u"id"_s).toString());
        QCOMPARE(read.status, 200);
        QCOMPARE(read.data(), document);
        QCOMPARE(call(service, "GET", u"/v2/documents/0b6a8d36-5b8f-4d5e-9a51-0c7b8f3e2a10"_s).status, 404);

        const QByteArray png = QByteArrayLiteral("\x89PNG\r\n\x1A\n") + QByteArray(16, '\0');
        QCOMPARE(uploadDocument(service, u"invoice.png"_s, png).data().value(u"content_type"_s).toString(),
                 u"image/png"_s);
    }

    void refusedUploadsNameTheMember_data() {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("pointer");
        const QString pdf = QString::fromLatin1(pdfBytes().toBase64());
        QTest::newRow("not a document type")
            << QJsonObject{{u"file"_s, QString::fromLatin1(QByteArray("plain text").toBase64())},
                           {u"filename"_s, u"loa.txt"_s}}
            << u"/file"_s;
        QTest::newRow("not base64") << QJsonObject{{u"file"_s, u"%%%"_s}, {u"filename"_s, u"loa.pdf"_s}}
                                    << u"/file"_s;
        QTest::newRow("no file") << QJsonObject{{u"filename"_s, u"loa.pdf"_s}} << u"/file"_s;
        QTest::newRow("no name") << QJsonObject{{u"file"_s, pdf}} << u"/filename"_s;
        QTest::newRow("by url") << QJsonObject{{u"url"_s, u"http://127.0.0.1/loa.pdf"_s},
                                               {u"filename"_s, u"loa.pdf"_s}}
                                << u"/url"_s;
        const QByteArray big = pdfBytes() + QByteArray(TelnyxDocumentsApi::kMaxBytes, ' ');
        QTest::newRow("too big") << QJsonObject{{u"file"_s, QString::fromLatin1(big.toBase64())},
                                                {u"filename"_s, u"loa.pdf"_s}}
                                 << u"/file"_s;
    }
    void refusedUploadsNameTheMember() {
        QFETCH(QJsonObject, body);
        QFETCH(QString, pointer);
        TelnyxService& service = make(5);
        const Reply r = callJson(service, "POST", u"/v2/documents"_s, body);
        QCOMPARE(r.status, 422);
        QVERIFY2(r.pointers().contains(pointer), r.body.constData());
    }

    void anOrderNamesUploadedDocumentsOnly() {
        TelnyxService& service = make(5);
        const Draft d = newDraft(service);
        const QString order = u"/v2/porting_orders/"_s + d.orderId;
        Reply r = callJson(service, "PATCH", order,
                           QJsonObject{{u"documents"_s,
                                        QJsonObject{{u"loa"_s, u"0b6a8d36-5b8f-4d5e-9a51-0c7b8f3e2a10"_s}}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), u"10005"_s); // not found, among the other problems of the request
        QCOMPARE(r.pointer(), u"/documents/loa"_s);
        const QString loa =
            uploadDocument(service, u"loa.pdf"_s, pdfBytes()).data().value(u"id"_s).toString();
        r = callJson(service, "PATCH", order, QJsonObject{{u"documents"_s, QJsonObject{{u"loa"_s, loa}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"documents"_s).toObject().value(u"loa"_s).toString(), loa);
    }
};

TELNYX_API_TEST_MAIN(TestTelnyxDocumentsApi)
#include "tst_TelnyxDocumentsApi.moc"
