#include "emulator/JsonRequestReader.h"

#include "core/PhoneNumber.h"

#include <QJsonDocument>
#include <cmath>

using namespace Qt::StringLiterals;

namespace trunkline::emulator {

JsonRequestReader::Body JsonRequestReader::parse(const QByteArray& body) {
    Body result;
    if (body.trimmed().isEmpty()) {
        result.fault = BodyFault::Empty;
        return result;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        result.fault = BodyFault::Malformed;
        result.parseError = error.errorString();
        result.offset = error.offset;
    } else if (!document.isObject()) {
        result.fault = BodyFault::NotAnObject;
    } else {
        result.object = document.object();
    }
    return result;
}

QString JsonRequestReader::typeName(const QJsonValue& value, bool article) {
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return article ? u"a boolean"_s : u"boolean"_s;
    case QJsonValue::Double:
        return article ? u"a number"_s : u"number"_s;
    case QJsonValue::String:
        return article ? u"a string"_s : u"string"_s;
    case QJsonValue::Array:
        return article ? u"an array"_s : u"array"_s;
    case QJsonValue::Object:
        return article ? u"an object"_s : u"object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"undefined"_s;
}

std::optional<qint64> JsonRequestReader::wholeNumber(const QJsonValue& value) {
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // 2^63 as a double: beyond it (or below its negative) the number does not fit a qint64.
    constexpr double kLimit = 9223372036854775808.0;
    if (d != std::floor(d) || d >= kLimit || d < -kLimit)
        return std::nullopt;
    return static_cast<qint64>(d);
}

bool JsonRequestReader::isValidE164(const QString& text) {
    if (!core::PhoneNumber::isE164(text))
        return false;
    const core::ParseOutcome outcome = core::PhoneNumber::parse(text, u"");
    return outcome.ok() && outcome.number->e164() == text;
}

void JsonRequestReader::fail(const QString& path, const QString& detail, const QString& value) {
    if (!m_problem)
        m_problem = Problem{path, detail, value};
}

bool JsonRequestReader::typeCheck(const QJsonValue& value, QJsonValue::Type type, const QString& path,
                                  const QString& expected) {
    if (value.type() == type)
        return true;
    fail(path, m_wording.expectedGot.arg(expected, typeName(value, true)));
    return false;
}

std::optional<QJsonValue> JsonRequestReader::member(const QJsonObject& o, const QString& key,
                                                    const QString& path, QJsonValue::Type type,
                                                    const QString& expected) {
    if (failed() || !o.contains(key))
        return std::nullopt;
    const QJsonValue value = o.value(key);
    if (!typeCheck(value, type, path, expected))
        return std::nullopt;
    return value;
}

bool JsonRequestReader::string(const QJsonObject& o, const QString& key, const QString& path, QString* out,
                               int maxLength) {
    const auto value = member(o, key, path, QJsonValue::String, m_wording.aString);
    if (!value)
        return false;
    const QString text = value->toString();
    if (maxLength >= 0 && text.size() > maxLength) {
        fail(path, m_wording.tooLong.arg(maxLength).arg(text.size()));
        return false;
    }
    *out = text;
    return true;
}

bool JsonRequestReader::boolean(const QJsonObject& o, const QString& key, const QString& path, bool* out) {
    const auto value = member(o, key, path, QJsonValue::Bool, m_wording.aBoolean);
    if (value)
        *out = value->toBool();
    return value.has_value();
}

bool JsonRequestReader::integer(const QJsonObject& o, const QString& key, const QString& path, qint64* out) {
    const auto value = member(o, key, path, QJsonValue::Double, m_wording.anInteger);
    if (!value)
        return false;
    const std::optional<qint64> whole = wholeNumber(*value);
    if (!whole) {
        fail(path, m_wording.notAnInteger.arg(value->toDouble()));
        return false;
    }
    *out = *whole;
    return true;
}

bool JsonRequestReader::object(const QJsonObject& o, const QString& key, const QString& path,
                               QJsonObject* out) {
    const auto value = member(o, key, path, QJsonValue::Object, m_wording.anObject);
    if (value)
        *out = value->toObject();
    return value.has_value();
}

bool JsonRequestReader::array(const QJsonObject& o, const QString& key, const QString& path,
                              QJsonArray* out) {
    const auto value = member(o, key, path, QJsonValue::Array, m_wording.anArray);
    if (value)
        *out = value->toArray();
    return value.has_value();
}

bool JsonRequestReader::oneOf(const QJsonObject& o, const QString& key, const QString& path,
                              const QStringList& allowed, QString* out) {
    QString value;
    if (!string(o, key, path, &value))
        return false;
    if (!allowed.contains(value)) {
        fail(path, m_wording.notOneOf.arg(value, allowed.join(u", "_s)), value);
        return false;
    }
    *out = value;
    return true;
}

bool JsonRequestReader::e164(const QJsonObject& o, const QString& key, const QString& path, QString* out) {
    QString value;
    if (!string(o, key, path, &value))
        return false;
    if (!isValidE164(value)) {
        fail(path, m_wording.notE164.arg(value), value);
        return false;
    }
    *out = value;
    return true;
}

} // namespace trunkline::emulator
