#pragma once

#include <QLocale>
#include <QString>

namespace trunkline::i18n {

// Installs the translations for a locale into the running application (the console and trunkline-cli): Qt's
// own (qtbase_<lang> from the Qt installation, for standard buttons and dialogs) and Trunkline's
// (trunkline_<lang>, embedded as a resource). English is the source language and needs no file; a locale
// without a translation falls back to it. Calling install() again replaces what an earlier call installed.
class Translator {
public:
    struct Result {
        bool trunklineLoaded = false; // a trunkline_<lang>.qm matched the locale
        bool qtLoaded = false;        // a qtbase_<lang>.qm matched the locale
    };

    static Result install(const QLocale& locale);
    static void uninstall();

    // Resource directory holding the embedded trunkline_<lang>.qm files.
    static QString resourceDirectory();
};

} // namespace trunkline::i18n
