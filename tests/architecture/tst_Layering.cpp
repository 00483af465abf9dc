// The layering rule of docs/architecture.md holds in src/, and the check finds each kind of break: a back
// edge by #include or by link, a sibling provider used, a table out of order or with a cycle, a folder
// without a row.
#include "LayeringCheck.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using trunkline::tests::LayeringCheck;
using namespace Qt::StringLiterals;

namespace {

QString readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly | QIODevice::Text) ? QString::fromUtf8(file.readAll()) : QString();
}

void writeText(const QDir& root, const QByteArray& path, const QByteArray& text) {
    const QString relativePath = QString::fromUtf8(path);
    QVERIFY(root.mkpath(QFileInfo(root.filePath(relativePath)).path()));
    QFile file(root.filePath(relativePath));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

const QByteArray kPage = R"(# Architecture

## Who may use whom

| library | may use |
| --- | --- |
| `core` | — |
| `store` | core |
| `providers` | core |
| `gui` | core, store, providers (top) |
)";

// A small tree that keeps to kPage: each test case then breaks it in one way.
void writeGoodTree(const QDir& src) {
    writeText(src, "CMakeLists.txt",
              "add_subdirectory(core)\nadd_subdirectory(store)\nadd_subdirectory(providers)\n"
              "add_subdirectory(gui)\n");
    writeText(src, "core/CMakeLists.txt", "trunkline_add_library(core SOURCES A.cpp)\n");
    writeText(src, "core/A.cpp", "#include \"core/A.h\"\n");
    writeText(src, "store/CMakeLists.txt", "trunkline_add_library(store PUBLIC_LIBS Trunkline::core)\n");
    writeText(src, "store/B.cpp", "#include \"core/A.h\"\n#include <QString>\n");
    writeText(src, "providers/CMakeLists.txt", "add_subdirectory(one)\nadd_subdirectory(two)\n");
    writeText(src, "providers/one/CMakeLists.txt",
              "trunkline_add_library(one PUBLIC_LIBS Trunkline::core)\n");
    writeText(src, "providers/one/One.cpp",
              "#include \"providers/one/One.h\"\n#include \"providers/Calls.h\"\n");
    writeText(src, "providers/two/CMakeLists.txt",
              "trunkline_add_library(two PUBLIC_LIBS Trunkline::core)\n");
    writeText(src, "gui/CMakeLists.txt", "trunkline_add_library(gui PUBLIC_LIBS Trunkline::store)\n");
    writeText(src, "gui/pages/Page.cpp",
              "#include \"gui/pages/Page.h\"\n#include \"store/B.h\"\n#include \"providers/Calls.h\"\n");
}

} // namespace

class tst_Layering : public QObject {
    Q_OBJECT

private slots:
    void theSourceTreeKeepsToTheArchitecturePage() {
        const QString page = readText(QStringLiteral(TRUNKLINE_SOURCE_DIR "/docs/architecture.md"));
        QVERIFY(!page.isEmpty());
        const LayeringCheck check(page, QDir(QStringLiteral(TRUNKLINE_SOURCE_DIR "/src")));
        QVERIFY(check.layers().size() >= 10);
        const QStringList violations = check.violations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    }

    void aGoodTreePasses() {
        QTemporaryDir dir;
        writeGoodTree(QDir(dir.path()));
        const LayeringCheck check(QString::fromUtf8(kPage), QDir(dir.path()));
        QCOMPARE(check.layers().size(), 4);
        QCOMPARE(check.layers()[3].mayUse, (QStringList{u"core"_s, u"store"_s, u"providers"_s}));
        QCOMPARE(check.layers()[3].topOnly, (QStringList{u"providers"_s}));
        QCOMPARE(check.violations(), QStringList());
    }

    void eachBreakIsFound_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("page");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("back edge by include")
            << QByteArray("store/C.cpp") << QByteArray("#include \"gui/pages/Page.h\"\n") << kPage
            << QByteArray("src/store/C.cpp:1 includes gui/…; store may use only core");
        QTest::newRow("back edge by link")
            << QByteArray("store/CMakeLists.txt")
            << QByteArray("trunkline_add_library(store PRIVATE_LIBS Trunkline::gui)\n") << kPage
            << QByteArray("src/store/CMakeLists.txt links Trunkline::gui (gui); store may use only core");
        QTest::newRow("a library that uses nothing")
            << QByteArray("core/D.h") << QByteArray("  #  include \"store/B.h\"\n") << kPage
            << QByteArray("src/core/D.h:1 includes store/…; core may use no other library");
        QTest::newRow("sibling provider")
            << QByteArray("providers/two/Two.cpp") << QByteArray("#include \"providers/one/One.h\"\n")
            << kPage
            << QByteArray("src/providers/two/Two.cpp:1 includes providers/one/…, a sibling library of "
                          "providers/two");
        QTest::newRow("a provider's own library where only the table may be used")
            << QByteArray("gui/pages/Other.cpp") << QByteArray("#include \"providers/one/One.h\"\n") << kPage
            << QByteArray("src/gui/pages/Other.cpp:1 includes providers/one/…; gui may use only core, store, "
                          "providers (top)");
        QTest::newRow("a provider's own library linked where only the table may be")
            << QByteArray("gui/CMakeLists.txt")
            << QByteArray("trunkline_add_library(gui PUBLIC_LIBS Trunkline::one)\n") << kPage
            << QByteArray(
                   "src/gui/CMakeLists.txt links Trunkline::one (providers/one); gui may use only core, "
                   "store, providers (top)");
        QTest::newRow("unknown target")
            << QByteArray("gui/CMakeLists.txt")
            << QByteArray("trunkline_add_library(gui PUBLIC_LIBS Trunkline::nope)\n") << kPage
            << QByteArray("src/gui/CMakeLists.txt links Trunkline::nope, which no library defines");
        QTest::newRow("folder without a row") << QByteArray("cli/main.cpp") << QByteArray("int main() {}\n")
                                              << kPage << QByteArray("src/cli has no row in the table");
        QByteArray cycle = kPage;
        cycle.replace("| `store` | core |", "| `store` | core, gui |");
        QTest::newRow("cycle in the table")
            << QByteArray("core/A.cpp") << QByteArray() << cycle
            << QByteArray("the table lets store use gui, which is not listed above it");
        QByteArray reordered = kPage;
        reordered.replace("| `providers` | core |\n", "")
            .replace("| `core` | — |\n", "| `core` | — |\n| `providers` | core |\n");
        QTest::newRow("order differs from src/CMakeLists.txt")
            << QByteArray("core/A.cpp") << QByteArray() << reordered
            << QByteArray("src/CMakeLists.txt adds core, store, providers, gui, the table lists core, "
                          "providers, store, gui");
        QTest::newRow("no table") << QByteArray("core/A.cpp") << QByteArray()
                                  << QByteArray("# Architecture\n")
                                  << QByteArray("docs/architecture.md has no \"Who may use whom\" table");
    }

    void eachBreakIsFound() {
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, page);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        writeGoodTree(QDir(dir.path()));
        writeText(QDir(dir.path()), file, text);

        const QStringList violations = LayeringCheck(QString::fromUtf8(page), QDir(dir.path())).violations();
        QVERIFY2(violations.contains(QString::fromUtf8(expected)),
                 qPrintable(violations.join(QLatin1Char('\n'))));
        QCOMPARE(violations.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Layering)
#include "tst_Layering.moc"
