#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <functional>

namespace trunkline::gui {

// How an answering rule (RingCentral CallHandlingRuleInfo as store::ExtensionSettingsRepository keeps it)
// reads in the extension editor: its conditions and its action in one line each, and the words for
// greeting types. Extension ids in a rule are named through `nameOf` (e.g. "108 Sales queue").
class CallRuleText {
    Q_DECLARE_TR_FUNCTIONS(CallRuleText)

public:
    using ExtensionName = std::function<QString(const QString& extensionId)>;

    // "Callers: Key account (+1 650-555-0100) · Mon 09:00–18:00 · 24.12.26 00:00 – 26.12.26 23:59".
    static QString conditions(const QJsonObject& rule);
    // "Go to application: 108 Sales queue", "Forward to +49 151 20000001", "Voicemail only", ...
    static QString action(const QJsonObject& rule, const ExtensionName& nameOf);
    // "Voicemail", "Introduction", ... for a greeting's type (the wire word when unknown).
    static QString greetingType(const QString& type);
};

} // namespace trunkline::gui
