#include "gui/extensions/CallRuleText.h"

#include "core/ReadableNumber.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <array>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

QString dateTime(const QString& wire) {
    const QDateTime parsed = QDateTime::fromString(wire, Qt::ISODate);
    return parsed.isValid() ? QLocale().toString(parsed, QLocale::ShortFormat) : wire;
}

// A wire word and its words in the editor, translated in CallRuleText's context.
struct WordText {
    QStringView word;
    const char* text;
};

constexpr std::array<WordText, 5> kFixedActions{{
    {u"ForwardCalls", QT_TRANSLATE_NOOP("CallRuleText", "Ring the forwarding list")},
    {u"TakeMessagesOnly", QT_TRANSLATE_NOOP("CallRuleText", "Voicemail only")},
    {u"PlayAnnouncementOnly", QT_TRANSLATE_NOOP("CallRuleText", "Play an announcement only")},
    {u"AgentQueue", QT_TRANSLATE_NOOP("CallRuleText", "Call queue members")},
    {u"SharedLines", QT_TRANSLATE_NOOP("CallRuleText", "Shared lines")},
}};

constexpr std::array<WordText, 6> kGreetingTypes{{
    {u"Voicemail", QT_TRANSLATE_NOOP("CallRuleText", "Voicemail")},
    {u"Introductory", QT_TRANSLATE_NOOP("CallRuleText", "Introduction")},
    {u"Announcement", QT_TRANSLATE_NOOP("CallRuleText", "Announcement")},
    {u"ConnectingAudio", QT_TRANSLATE_NOOP("CallRuleText", "While connecting (music)")},
    {u"ConnectingMessage", QT_TRANSLATE_NOOP("CallRuleText", "While connecting (message)")},
    {u"HoldMusic", QT_TRANSLATE_NOOP("CallRuleText", "Hold music")},
}};

// The word's text from `table`; a word the table does not know (added by the provider later) as it is.
template <std::size_t N>
QString textOf(const std::array<WordText, N>& table, const QString& word) {
    for (const WordText& entry : table) {
        if (entry.word == word)
            return QCoreApplication::translate("CallRuleText", entry.text);
    }
    return word;
}

} // namespace

QString CallRuleText::conditions(const QJsonObject& rule) {
    QStringList parts;
    QStringList callers;
    for (const QJsonValue& value : rule.value(u"callers"_s).toArray()) {
        const QJsonObject caller = value.toObject();
        const QString number = core::readableNumber(caller.value(u"callerId"_s).toString());
        const QString name = caller.value(u"name"_s).toString();
        callers << (name.isEmpty() ? number : tr("%1 (%2)").arg(name, number));
    }
    if (!callers.isEmpty())
        parts << tr("Callers: %1").arg(callers.join(u", "_s));
    QStringList called;
    for (const QJsonValue& value : rule.value(u"calledNumbers"_s).toArray())
        called << core::readableNumber(value.toObject().value(u"phoneNumber"_s).toString());
    if (!called.isEmpty())
        parts << tr("Called numbers: %1").arg(called.join(u", "_s));
    const QJsonObject schedule = rule.value(u"schedule"_s).toObject();
    const QJsonObject weekly = schedule.value(u"weeklyRanges"_s).toObject();
    static const QStringList days = {u"monday"_s, u"tuesday"_s,  u"wednesday"_s, u"thursday"_s,
                                     u"friday"_s, u"saturday"_s, u"sunday"_s};
    for (qsizetype day = 0; day < days.size(); ++day) {
        QStringList ranges;
        for (const QJsonValue& value : weekly.value(days.at(day)).toArray())
            ranges << tr("%1–%2").arg(value.toObject().value(u"from"_s).toString(),
                                      value.toObject().value(u"to"_s).toString());
        if (!ranges.isEmpty())
            parts << tr("%1 %2").arg(QLocale().dayName(static_cast<int>(day) + 1, QLocale::ShortFormat),
                                     ranges.join(u", "_s));
    }
    for (const QJsonValue& value : schedule.value(u"ranges"_s).toArray())
        parts << tr("%1 – %2").arg(dateTime(value.toObject().value(u"from"_s).toString()),
                                   dateTime(value.toObject().value(u"to"_s).toString()));
    if (schedule.value(u"ref"_s) == u"AfterHours"_s)
        parts << tr("Outside the business hours");
    else if (schedule.value(u"ref"_s) == u"BusinessHours"_s)
        parts << tr("During the business hours");
    return parts.isEmpty() ? tr("Always") : parts.join(u" · "_s);
}

QString CallRuleText::action(const QJsonObject& rule, const ExtensionName& nameOf) {
    const QString action = rule.value(u"callHandlingAction"_s).toString();
    if (action == u"UnconditionalForwarding"_s)
        return tr("Forward to %1")
            .arg(core::readableNumber(
                rule.value(u"unconditionalForwarding"_s).toObject().value(u"phoneNumber"_s).toString()));
    if (action == u"TransferToExtension"_s) {
        const QString target =
            rule.value(u"transfer"_s).toObject().value(u"extension"_s).toObject().value(u"id"_s).toString();
        return tr("Go to application: %1").arg(nameOf(target));
    }
    return textOf(kFixedActions, action);
}

QString CallRuleText::greetingType(const QString& type) {
    return textOf(kGreetingTypes, type);
}

} // namespace trunkline::gui
