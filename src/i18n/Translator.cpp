#include "i18n/Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace trunkline::i18n {

namespace {

Q_LOGGING_CATEGORY(lcTranslator, "trunkline.i18n.translator", QtInfoMsg)

// The translators live as children of the application, so they are destroyed with it; the
// QPointers only remember which ones this class installed.
QPointer<QTranslator>& installedQt() {
    static QPointer<QTranslator> translator;
    return translator;
}

QPointer<QTranslator>& installedTrunkline() {
    static QPointer<QTranslator> translator;
    return translator;
}

void removeTranslator(QPointer<QTranslator>& translator) {
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    translator = nullptr;
}

bool loadAndInstall(QPointer<QTranslator>& slot, const QLocale& locale, const QString& name,
                    const QString& directory) {
    auto* translator = new QTranslator(QCoreApplication::instance());
    // QTranslator::load(QLocale, ...) walks locale.uiLanguages(): de_AT finds trunkline_de.qm.
    if (!translator->load(locale, name, u"_"_s, directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    slot = translator;
    return true;
}

} // namespace

QString Translator::resourceDirectory() {
    return u":/i18n"_s;
}

Translator::Result Translator::install(const QLocale& locale) {
    uninstall();
    Result result;
    if (QCoreApplication::instance() == nullptr) {
        return result;
    }
    // English is the source language: loading nothing is the correct and complete translation.
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        return result;
    }
    result.trunklineLoaded =
        loadAndInstall(installedTrunkline(), locale, u"trunkline"_s, resourceDirectory());
    if (!result.trunklineLoaded) {
        // No translation for this language: stay entirely in English rather than mixing Qt's
        // translated buttons into English text.
        qCDebug(lcTranslator) << "No Trunkline translation for" << locale.name() << "- using English";
        return result;
    }
    result.qtLoaded = loadAndInstall(installedQt(), locale, u"qtbase"_s,
                                     QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (!result.qtLoaded) {
        qCDebug(lcTranslator) << "Qt's own translation for" << locale.name() << "is not installed in"
                              << QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    }
    return result;
}

void Translator::uninstall() {
    removeTranslator(installedTrunkline());
    removeTranslator(installedQt());
}

} // namespace trunkline::i18n
