// What a German port order needs besides its numbers: each rule of core::OrderDetailsRules refused with its
// field and message, the documents told by their first bytes and their size, and a good order passing.
#include "core/PortOrderDetails.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using trunkline::core::OrderDetails;
using trunkline::core::OrderDetailsRules;

class tst_PortOrderDetails : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    const QDate m_today{2026, 12, 4}; // a Friday

    QString file(const QString& name, const QByteArray& content) const {
        QFile out(m_dir.filePath(name));
        if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(out.fileName()));
        return out.fileName();
    }
    OrderDetails good() const {
        OrderDetails details;
        details.entityName = u"Muster GmbH"_s;
        details.authPersonName = u"Erika Muster"_s;
        details.streetAddress = u"Hauptstr. 1"_s;
        details.postalCode = u"45127"_s;
        details.locality = u"Essen"_s;
        details.requestedDate = m_today.addDays(3); // Monday
        details.loaPath = file(u"loa.pdf"_s, "%PDF-1.7\n%%EOF\n");
        details.invoicePath = file(u"invoice.jpg"_s, "\xFF\xD8\xFF\xE0 JFIF");
        return details;
    }

private slots:
    void aCompleteOrderPasses() {
        QVERIFY(m_dir.isValid());
        QVERIFY(OrderDetailsRules::check(good(), m_today).isEmpty());
        OrderDetails png = good();
        png.invoicePath =
            file(u"invoice.png"_s, QByteArrayLiteral("\x89PNG\r\n\x1A\n") + QByteArray(8, '\0'));
        QVERIFY(OrderDetailsRules::check(png, m_today).isEmpty());
    }

    void eachRuleNamesItsField_data() {
        QTest::addColumn<OrderDetails>("details");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        OrderDetails d = good();
        d.entityName = u"  "_s;
        QTest::newRow("end user") << d << u"/end_user/admin/entity_name"_s << u"end user"_s;
        d = good();
        d.authPersonName.clear();
        QTest::newRow("authorised person") << d << u"/end_user/admin/auth_person_name"_s << u"authorised"_s;
        d = good();
        d.streetAddress.clear();
        QTest::newRow("street") << d << u"/end_user/location/street_address"_s << u"street address"_s;
        d = good();
        d.locality.clear();
        QTest::newRow("town") << d << u"/end_user/location/locality"_s << u"town or city"_s;
        d = good();
        d.postalCode = u"4512"_s;
        QTest::newRow("postal code") << d << u"/end_user/location/postal_code"_s << u"five digits"_s;
        d = good();
        d.requestedDate = m_today;
        QTest::newRow("today") << d << u"/activation_settings/foc_datetime_requested"_s << u"after today"_s;
        d = good();
        d.requestedDate = m_today.addDays(1);
        QTest::newRow("Saturday") << d << u"/activation_settings/foc_datetime_requested"_s
                                  << u"working days"_s;
        d = good();
        d.loaPath.clear();
        QTest::newRow("no LOA") << d << u"/documents/loa"_s << u"letter of authorisation (LOA)"_s;
        d = good();
        d.invoicePath.clear();
        QTest::newRow("no invoice") << d << u"/documents/invoice"_s << u"latest invoice"_s;
        d = good();
        d.loaPath = file(u"loa.docx"_s, "PK\x03\x04 word");
        QTest::newRow("not a PDF") << d << u"/documents/loa"_s
                                   << u"loa.docx is not a PDF, JPEG or PNG file."_s;
        d = good();
        d.invoicePath = m_dir.filePath(u"gone.pdf"_s);
        QTest::newRow("missing file") << d << u"/documents/invoice"_s << u"Cannot read gone.pdf"_s;
        d = good();
        d.loaPath = file(u"scan.pdf"_s, "%PDF-1.4\n" + QByteArray(OrderDetailsRules::kMaxDocumentBytes, ' '));
        QTest::newRow("too big") << d << u"/documents/loa"_s << u"scan.pdf has 10.0 MB; at most 10 MB"_s;
    }
    void eachRuleNamesItsField() {
        QFETCH(OrderDetails, details);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const trunkline::core::RuleViolations violations = OrderDetailsRules::check(details, m_today);
        QCOMPARE(violations.size(), 1);
        QCOMPARE(violations.first().field, field);
        QVERIFY2(violations.first().message.contains(message), qPrintable(violations.first().message));
    }

    void aDocumentIsReadWhole() {
        QString error;
        const auto document = OrderDetailsRules::readDocument(good().loaPath, &error);
        QVERIFY2(document, qPrintable(error));
        QCOMPARE(document->fileName, u"loa.pdf"_s);
        QCOMPARE(document->content, QByteArray("%PDF-1.7\n%%EOF\n"));
        QVERIFY(!OrderDetailsRules::readDocument(m_dir.filePath(u"gone.pdf"_s), &error));
        QVERIFY(error.startsWith(u"Cannot read gone.pdf"_s));
    }
};

QTEST_GUILESS_MAIN(tst_PortOrderDetails)
#include "tst_PortOrderDetails.moc"
