#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QXmlStreamWriter;
QT_END_NAMESPACE

namespace trunkline::emulator::restcomm {

// One Restcomm IncomingPhoneNumber row as the server stores it (docs/api/restcomm-numbers.md §3, §5).
// Text columns live in `text`, keyed by their JSON name ("voice_url", "sms_method", ...); a null QString
// is SQL NULL and is written as JSON null.
struct IncomingNumber {
    QHash<QString, QString>
        text; // sid, account_sid, friendly_name, phone_number, urls, methods, sids, api_version, uri
    bool voiceCallerIdLookup = false;
    bool voiceCapable = false;
    bool smsCapable = false;
    bool mmsCapable = false;
    bool faxCapable = false;
    bool pureSip = false;
    QString organizationSid;
    QString type = QStringLiteral("Global"); // Global | Local | TollFree | Mobile (what it was bought as)
    QDateTime dateCreated;
    QDateTime dateUpdated;

    QString value(const QString& key) const { return text.value(key); }
    QString sid() const { return text.value(QStringLiteral("sid")); }
    QString accountSid() const { return text.value(QStringLiteral("account_sid")); }
    QString phoneNumber() const { return text.value(QStringLiteral("phone_number")); }
    QString friendlyName() const { return text.value(QStringLiteral("friendly_name")); }

    // Restcomm's JSON object, keys in the server's order, pretty-printed at the given indentation.
    // applicationNames maps application sids to names; pass an empty hash where the server reads the
    // row without the applications join (single GET, create, update): the names are then null.
    QByteArray toRestcommJson(int indent, const QHash<QString, QString>& applicationNames) const;
    // <IncomingPhoneNumber> element with CamelCase children (null URLs/sids omitted, null methods empty).
    QByteArray toRestcommXml(const QHash<QString, QString>& applicationNames) const;
    void writeRestcommXml(QXmlStreamWriter& xml, const QHash<QString, QString>& applicationNames) const;

    QJsonObject toState() const;
    static IncomingNumber fromState(const QJsonObject& state);

    // JSON keys of the columns a form parameter sets, in Restcomm's order: {"VoiceUrl", "voice_url"}, ...
    static const QList<QPair<QString, QString>>& parameterColumns();
    static QString restcommDate(const QDateTime& dateTime); // "Mon, 4 Nov 2013 12:14:11 +0000"
};

// Small helpers for Restcomm's pretty-printed JSON, which keeps member order and prints nulls.
class RestcommJson {
public:
    static QByteArray scalar(const QString& text); // quoted string, or null for a null QString
    static QByteArray pad(int indent) { return QByteArray(indent, ' '); }
    // {"key": value, ...} where values are already serialized at indent + 2.
    static QByteArray object(const QList<QPair<QString, QByteArray>>& members, int indent);
};

} // namespace trunkline::emulator::restcomm
