// translations_current: fails when translations/trunkline_*.ts no longer matches the sources, i.e.
// when `cmake --build <dir> --target update_translations` would add or drop messages. It runs the
// same lupdate, with the same options as that target, into a temporary copy and compares.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct TsContents {
    QSet<QString> messages; // context, source and comment of every live (not vanished) message
    int unfinished = 0;
    QString error;
};

TsContents readTs(const QString& path) {
    TsContents result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QString comment;
    QString translationType;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == "context"_L1) {
                context.clear();
            } else if (name == "name"_L1) {
                context = xml.readElementText();
            } else if (name == "message"_L1) {
                source.clear();
                comment.clear();
                translationType.clear();
            } else if (name == "source"_L1) {
                source = xml.readElementText();
            } else if (name == "comment"_L1) {
                comment = xml.readElementText();
            } else if (name == "translation"_L1) {
                translationType = xml.attributes().value("type"_L1).toString();
            }
        } else if (xml.isEndElement() && xml.name() == "message"_L1) {
            if (translationType == "vanished"_L1 || translationType == "obsolete"_L1) {
                continue;
            }
            result.messages.insert(context + u" | "_s + source +
                                   (comment.isEmpty() ? QString() : u" | "_s + comment));
            result.unfinished += translationType == "unfinished"_L1 ? 1 : 0;
        }
    }
    if (xml.hasError()) {
        result.error = xml.errorString();
    }
    return result;
}

QStringList translatableSources(const QString& root) {
    // The same set translations/CMakeLists.txt globs: src/**/*.cpp, src/**/*.h, ui/*.ui.
    QStringList files;
    QDirIterator sources(root + u"/src"_s, {u"*.cpp"_s, u"*.h"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (sources.hasNext()) {
        files << sources.next();
    }
    QDirIterator forms(root + u"/ui"_s, {u"*.ui"_s}, QDir::Files);
    while (forms.hasNext()) {
        files << forms.next();
    }
    files.sort();
    return files;
}

QString describe(QList<QString> messages) {
    std::sort(messages.begin(), messages.end());
    const qsizetype shown = std::min<qsizetype>(messages.size(), 8);
    QString text = messages.first(shown).join(u"\n    "_s);
    if (messages.size() > shown) {
        text += u"\n    ... and %1 more"_s.arg(messages.size() - shown);
    }
    return text;
}

} // namespace

class tst_TranslationsCurrent : public QObject {
    Q_OBJECT

private slots:
    void tsMatchesSources_data();
    void tsMatchesSources();
};

void tst_TranslationsCurrent::tsMatchesSources_data() {
    QTest::addColumn<QString>("tsFile");
    const QDir translations(QStringLiteral(TRUNKLINE_SOURCE_DIR "/translations"));
    const QStringList tsFiles = translations.entryList({u"trunkline_*.ts"_s}, QDir::Files);
    QVERIFY2(!tsFiles.isEmpty(), "no translations/trunkline_*.ts found");
    for (const QString& name : tsFiles) {
        QTest::newRow(qPrintable(name)) << translations.filePath(name);
    }
}

void tst_TranslationsCurrent::tsMatchesSources() {
    QFETCH(QString, tsFile);

    const TsContents committed = readTs(tsFile);
    QVERIFY2(committed.error.isEmpty(), qPrintable(committed.error));

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString updatedPath = temp.filePath(QFileInfo(tsFile).fileName());
    QVERIFY(QFile::copy(tsFile, updatedPath));
    QFile::setPermissions(updatedPath, QFile::ReadOwner | QFile::WriteOwner);

    // A list file keeps the command line short however many sources there are.
    const QString listPath = temp.filePath(u"sources.lst"_s);
    {
        QFile list(listPath);
        QVERIFY(list.open(QIODevice::WriteOnly | QIODevice::Text));
        list.write(translatableSources(QStringLiteral(TRUNKLINE_SOURCE_DIR)).join(u'\n').toUtf8());
    }

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    // Same options as qt_add_translations(... LUPDATE_OPTIONS) in translations/CMakeLists.txt.
    lupdate.start(QStringLiteral(TRUNKLINE_LUPDATE),
                  {u"-silent"_s, u"-locations"_s, u"none"_s, u"-no-obsolete"_s, u"-I"_s,
                   QStringLiteral(TRUNKLINE_SOURCE_DIR "/src"), u"@"_s + listPath, u"-ts"_s, updatedPath});
    QVERIFY2(lupdate.waitForFinished(90'000), "lupdate did not finish");
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAll().constData());

    const TsContents updated = readTs(updatedPath);
    QVERIFY2(updated.error.isEmpty(), qPrintable(updated.error));

    const QList<QString> missing = (updated.messages - committed.messages).values();
    const QList<QString> dropped = (committed.messages - updated.messages).values();
    QString problem;
    if (!missing.isEmpty()) {
        problem += u"\n  %1 message(s) in the sources are missing from the .ts:\n    %2"_s.arg(missing.size())
                       .arg(describe(missing));
    }
    if (!dropped.isEmpty()) {
        problem += u"\n  %1 message(s) in the .ts are no longer in the sources:\n    %2"_s.arg(dropped.size())
                       .arg(describe(dropped));
    }
    if (!problem.isEmpty()) {
        problem = QFileInfo(tsFile).fileName() +
                  u" is stale; run: cmake --build <build dir> --target "
                  "update_translations"_s +
                  problem;
    }
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (committed.unfinished > 0) {
        qInfo("%s: %d message(s) still to translate", qPrintable(QFileInfo(tsFile).fileName()),
              committed.unfinished);
    }
}

QTEST_GUILESS_MAIN(tst_TranslationsCurrent)
#include "tst_TranslationsCurrent.moc"
