#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace trunkline::emulator {

// The one reader of JSON request bodies for the provider services. The services word and format problems
// themselves (RingCentral answers the first one as its 400 body, Telnyx lists them all with JSON pointers)
// and keep their messages in their own translation context, so the reader holds no text of its own:
// parse() says what is wrong with a body, and the member getters stop at the first problem and phrase it
// with the Wording their service hands in.
class JsonRequestReader {
public:
    // --- the body --------------------------------------------------------------------------------------
    enum class BodyFault { None, Empty, Malformed, NotAnObject };
    struct Body {
        QJsonObject object; // the body when fault is None
        BodyFault fault = BodyFault::None;
        QString parseError; // Malformed: the parser's words
        int offset = 0;     // Malformed: where it stopped
    };
    static Body parse(const QByteArray& body);

    // --- single values ---------------------------------------------------------------------------------
    // The value's JSON type in words: "string", or with article "a string" (null and undefined never get
    // one).
    static QString typeName(const QJsonValue& value, bool article = false);
    // A whole number such as 7 or 7.0; nullopt for other types, fractions and numbers beyond qint64.
    static std::optional<qint64> wholeNumber(const QJsonValue& value);
    // + country code and a number libphonenumber accepts exactly as written.
    static bool isValidE164(const QString& text);

    // --- typed members, the first problem wins ---------------------------------------------------------
    // The service's message templates: %1/%2 as in the comments.
    struct Wording {
        QString expectedGot;  // expected type word, actual type ("a string")
        QString tooLong;      // maximum, actual length
        QString notAnInteger; // the number
        QString notOneOf;     // the value, the allowed values joined by ", "
        QString notE164;      // the value
        QString aString;
        QString aBoolean;
        QString anInteger;
        QString anObject;
        QString anArray;
    };
    struct Problem {
        QString path; // dotted path of the member, e.g. "contact.email"
        QString detail;
        QString value; // the offending value as text, may be empty
    };

    explicit JsonRequestReader(Wording wording)
        : m_wording(std::move(wording)) {}

    bool failed() const { return m_problem.has_value(); }
    const std::optional<Problem>& problem() const { return m_problem; }
    // Records a problem unless one is recorded already.
    void fail(const QString& path, const QString& detail, const QString& value = {});
    bool typeCheck(const QJsonValue& value, QJsonValue::Type type, const QString& path,
                   const QString& expected);

    // Each returns true when the key is present with the right type (and rule); *out is set then. A missing
    // key is no problem; after the first problem every getter returns false.
    bool string(const QJsonObject& o, const QString& key, const QString& path, QString* out,
                int maxLength = -1);
    bool boolean(const QJsonObject& o, const QString& key, const QString& path, bool* out);
    bool integer(const QJsonObject& o, const QString& key, const QString& path, qint64* out);
    bool object(const QJsonObject& o, const QString& key, const QString& path, QJsonObject* out);
    bool array(const QJsonObject& o, const QString& key, const QString& path, QJsonArray* out);
    bool oneOf(const QJsonObject& o, const QString& key, const QString& path, const QStringList& allowed,
               QString* out);
    bool e164(const QJsonObject& o, const QString& key, const QString& path, QString* out);

private:
    // The member when it is present and of the type; nullopt when absent, of another type or after a problem.
    std::optional<QJsonValue> member(const QJsonObject& o, const QString& key, const QString& path,
                                     QJsonValue::Type type, const QString& expected);

    Wording m_wording;
    std::optional<Problem> m_problem;
};

} // namespace trunkline::emulator
