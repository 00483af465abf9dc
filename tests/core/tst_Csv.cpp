// CsvWriter / CsvReader: RFC 4180 framing, Excel formula neutralisation with the E.164 exception, BOM,
// and exact round trips, including streams larger than the reader's chunk.
#include "BoolRows.h"
#include "core/Csv.h"

#include <QBuffer>
#include <QTest>

using namespace trunkline::core;
using namespace Qt::StringLiterals;

namespace {

QByteArray writeRows(const QList<QStringList>& rows, CsvOptions options = {}) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    for (const QStringList& row : rows) {
        if (!writer.writeRow(row)) {
            return {};
        }
    }
    return bytes;
}

} // namespace

class tst_Csv : public QObject {
    Q_OBJECT

private slots:
    void escapeField_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("escaped");

        QTest::newRow("plain") << u"Anna Müller"_s << u"Anna Müller"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << u"Berlin, Mitte"_s << u"\"Berlin, Mitte\""_s;
        QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
        QTest::newRow("LF") << u"line1\nline2"_s << u"\"line1\nline2\""_s;
        QTest::newRow("CRLF inside") << u"a\r\nb"_s << u"\"a\r\nb\""_s;
        QTest::newRow("formula =") << u"=HYPERLINK(\"x\")"_s << u"\"'=HYPERLINK(\"\"x\"\")\""_s;
        QTest::newRow("formula +") << u"+A1"_s << u"'+A1"_s;
        QTest::newRow("formula -") << u"-2+3"_s << u"'-2+3"_s;
        QTest::newRow("negative number") << u"-5"_s << u"'-5"_s;
        QTest::newRow("formula @") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("leading TAB") << u"\t=1"_s << u"'\t=1"_s;
        QTest::newRow("leading CR") << u"\r=1"_s << u"\"'\r=1\""_s;
        QTest::newRow("E.164 keeps its plus, quoted") << u"+4930123456"_s << u"\"+4930123456\""_s;
        QTest::newRow("plus with spaces is neutralised") << u"+49 30 123456"_s << u"'+49 30 123456"_s;
        QTest::newRow("lone plus") << u"+"_s << u"'+"_s;
        QTest::newRow("already quoted formula") << u"'=1"_s << u"''=1"_s;
        QTest::newRow("quote before text") << u"'abc"_s << u"'abc"_s;
        QTest::newRow("= not at start") << u"a=b"_s << u"a=b"_s;
    }

    void escapeField() {
        QFETCH(QString, field);
        QFETCH(QString, escaped);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        CsvWriter writer(&buffer);
        QCOMPARE(writer.escapeField(field), escaped);
    }

    void neutralisationCanBeOff() {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        CsvOptions options;
        options.neutraliseFormulas = false;
        CsvWriter writer(&buffer, options);
        QCOMPARE(writer.escapeField(u"=1+1"_s), u"=1+1"_s);
        QCOMPARE(writer.escapeField(u"a,b"_s), u"\"a,b\""_s);
    }

    void writeRowFraming() {
        const QByteArray bytes = writeRows({{u"a"_s, u"b,c"_s, QString()}, {u"Straße"_s}});
        QCOMPARE(bytes, QByteArray("a,\"b,c\",\r\nStra\xC3\x9F"
                                   "e\r\n"));
    }

    void bomOnlyOnce() {
        CsvOptions options;
        options.writeBom = true;
        const QByteArray bytes = writeRows({{u"x"_s}, {u"y"_s}}, options);
        QCOMPARE(bytes, QByteArray("\xEF\xBB\xBFx\r\ny\r\n"));
    }

    void otherSeparator() {
        CsvOptions options;
        options.separator = u';';
        const QByteArray bytes = writeRows({{u"a;b"_s, u"c,d"_s}}, options);
        QCOMPARE(bytes, QByteArray("\"a;b\";c,d\r\n"));

        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, CsvReader::Options{u';', false});
        QCOMPARE(reader.readAll(), (QList<QStringList>{{u"a;b"_s, u"c,d"_s}}));
    }

    void writeFailsOnClosedDevice() {
        QBuffer buffer; // never opened
        CsvWriter writer(&buffer);
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
        QVERIFY(!writer.writeRow({u"a"_s}));
    }

    void read_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<QStringList>>("rows");

        QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n")
                              << QList<QStringList>{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}};
        QTest::newRow("bare LF") << QByteArray("a,b\nc,d\n")
                                 << QList<QStringList>{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}};
        QTest::newRow("no final newline")
            << QByteArray("a,b\r\nc") << QList<QStringList>{{u"a"_s, u"b"_s}, {u"c"_s}};
        QTest::newRow("empty fields")
            << QByteArray(",,\r\n") << QList<QStringList>{{QString(), QString(), QString()}};
        QTest::newRow("empty input") << QByteArray() << QList<QStringList>{};
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFnumber\r\n") << QList<QStringList>{{u"number"_s}};
        QTest::newRow("quoted comma and quotes") << QByteArray("\"a,b\",\"say \"\"hi\"\"\"\r\n")
                                                 << QList<QStringList>{{u"a,b"_s, u"say \"hi\""_s}};
        QTest::newRow("quoted newlines") << QByteArray("\"l1\r\nl2\",x\r\n\"l3\nl4\"\r\n")
                                         << QList<QStringList>{{u"l1\r\nl2"_s, u"x"_s}, {u"l3\nl4"_s}};
        QTest::newRow("quoted empty") << QByteArray("\"\",a\r\n") << QList<QStringList>{{QString(), u"a"_s}};
        QTest::newRow("UTF-8") << QByteArray("M\xC3\xBCller,\xE2\x80\x93\r\n")
                               << QList<QStringList>{{u"Müller"_s, u"–"_s}};
        QTest::newRow("neutralised kept by default")
            << QByteArray("'=1,\"+4930\"\r\n") << QList<QStringList>{{u"'=1"_s, u"+4930"_s}};
    }

    void read() {
        QFETCH(QByteArray, bytes);
        QFETCH(QList<QStringList>, rows);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        QCOMPARE(reader.readAll(), rows);
        QVERIFY2(!reader.hasError(), qPrintable(reader.error()));
        QVERIFY(reader.atEnd());
    }

    void readErrors_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("goodRows");
        QTest::addColumn<QString>("error");
        QTest::newRow("unterminated quote")
            << QByteArray("ok\r\na,\"bc\r\nde\r\n") << 1
            << u"Line 2: a quoted field is not closed before the end of the file."_s;
        QTest::newRow("text after closing quote")
            << QByteArray("x\r\ny\r\n\"a\"b,c\r\n") << 2
            << u"Line 3: unexpected text after the closing quote of field 1."_s;
    }

    void readErrors() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, goodRows);
        QFETCH(QString, error);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        QCOMPARE(reader.readAll().size(), goodRows);
        QVERIFY(reader.hasError());
        QCOMPARE(reader.error(), error);
        QVERIFY(!reader.readRow()); // stays failed
    }

    void lineNumbersCountEmbeddedNewlines() {
        QByteArray bytes("a\r\n\"b\nc\"\r\nd\r\n");
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        QList<int> lines;
        while (reader.readRow()) {
            lines.append(reader.lineNumber());
        }
        QCOMPARE(lines, (QList<int>{1, 2, 4}));
    }

    void roundTrip_data() { addBoolRows("bom", "plain", "with BOM"); }

    void roundTrip() {
        QFETCH(bool, bom);
        const QList<QStringList> rows{
            {u"number"_s, u"label"_s, u"note"_s},
            {u"+4930123456"_s, u"Empfang, EG"_s, u"=cmd|' /C calc'!A0"_s},
            {u"+16503316252"_s, u"say \"hi\""_s, u"+SUM(1)"_s},
            {u"-5"_s, u"@user"_s, u"line1\r\nline2\nline3"_s},
            {u"\tTAB"_s, u"\rCR"_s, u"'=already quoted"_s},
            {QString(), u"''+double"_s, u"Grüße – ok"_s},
        };
        CsvOptions options;
        options.writeBom = bom;
        const QByteArray bytes = writeRows(rows, options);
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);

        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, CsvReader::Options{u',', true});
        QCOMPARE(reader.readAll(), rows);
        QVERIFY(!reader.hasError());

        // Without undoing, dangerous cells come back with their protecting quote; numbers keep their +.
        buffer.seek(0);
        CsvReader raw(&buffer);
        const QList<QStringList> protectedRows = raw.readAll();
        QCOMPARE(protectedRows.at(1).at(0), u"+4930123456"_s);
        QCOMPARE(protectedRows.at(1).at(2), u"'=cmd|' /C calc'!A0"_s);
        QCOMPARE(protectedRows.at(3).at(0), u"'-5"_s);
        QCOMPARE(protectedRows.at(4).at(2), u"''=already quoted"_s);
    }

    // Many rows with multi-byte characters: chunk boundaries fall inside fields and inside UTF-8 sequences.
    void largeStreamRoundTrip() {
        QList<QStringList> rows;
        for (int i = 0; i < 20000; ++i) {
            rows.append({QStringLiteral("+4930%1").arg(i, 7, 10, QLatin1Char('0')),
                         QStringLiteral("Grüße %1").arg(i),
                         (i % 7 == 0) ? QStringLiteral("multi\r\nline, \"%1\"").arg(i)
                                      : QStringLiteral("=%1").arg(i)});
        }
        const QByteArray bytes = writeRows(rows);
        QVERIFY(bytes.size() > 4 * 64 * 1024);

        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, CsvReader::Options{u',', true});
        qsizetype count = 0;
        while (const auto row = reader.readRow()) {
            QCOMPARE(*row, rows.at(count));
            ++count;
        }
        QVERIFY(!reader.hasError());
        QCOMPARE(count, rows.size());
    }
};

QTEST_APPLESS_MAIN(tst_Csv)
#include "tst_Csv.moc"
