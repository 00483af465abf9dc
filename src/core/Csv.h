#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringDecoder>
#include <QStringList>
#include <optional>

class QIODevice;

namespace trunkline::core {

// RFC 4180 CSV, made safe for spreadsheets.
//
// Formula neutralisation (CSV injection): a cell that starts with = + - @ TAB or CR gets a single
// quote in front, so Excel/LibreOffice show it as text instead of evaluating it. EXCEPTION: a cell
// that is a whole E.164-style number (^\+\d+$) keeps its leading "+" untouched, because phone
// numbers are the main content of Trunkline's exports and "+4930123" is not a formula (a spreadsheet
// may show it as a number, but it runs nothing). Such cells are quoted so the reader sees them as
// text-like values. Negative numbers ("-5") are neutralised like any other "-" cell.
// A value that already starts with quotes before a trigger ("'=x") gets one more quote, so that
// CsvReader with undoNeutralisation strips exactly one and every value round-trips unchanged.
struct CsvOptions {
    QChar separator = u',';
    bool writeBom = false; // UTF-8 BOM so Excel detects UTF-8
    bool neutraliseFormulas = true;

    // What Excel opens with a double click: a BOM (without it, Excel reads the file in the system's
    // 8-bit code page and garbles umlauts) and the list separator of the locale. Qt has no API for
    // Windows' list separator; it is ";" wherever the decimal point is a comma, so derive it from that.
    static CsvOptions forExcel(const QLocale& locale);
};

class CsvWriter {
public:
    // Writes to an already open device; the writer does not own it.
    explicit CsvWriter(QIODevice* device, CsvOptions options = {});

    // Writes one record terminated by CRLF. Returns false if the device refused the bytes.
    bool writeRow(const QStringList& fields);
    // The same for cells that are UTF-8 already (an export straight from the database): no conversion.
    bool writeRow(const QList<QByteArrayView>& utf8Fields);

    // The escaped form of one field, as writeRow writes it.
    QString escapeField(const QString& field) const;

    // True when the writer would put a quote in front of this value (see the comment at the top).
    static bool needsNeutralising(QStringView field);

private:
    void appendField(QByteArray& line, QByteArrayView field) const;

    QIODevice* m_device;
    CsvOptions m_options;
    bool m_bomPending;
    QByteArray m_line; // reused for every row
};

class CsvReader {
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    struct Options {
        QChar separator = u',';
        // Remove the quote that CsvWriter put in front of = + - @ TAB CR cells.
        bool undoNeutralisation = false;
    };

    // Reads from an already open device; a leading UTF-8 BOM is skipped. Accepts CRLF and bare LF.
    // The device is read in chunks, so large files are never held in memory whole. An empty read is
    // taken as the end, so a socket must have all its data before reading starts (files, buffers are fine).
    CsvReader(QIODevice* device, Options options);
    explicit CsvReader(QIODevice* device);

    // The next record, or std::nullopt at the end or on a format error (then error() is set).
    std::optional<QStringList> readRow();

    bool atEnd();
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; } // translated, names the line
    int lineNumber() const { return m_line; } // 1-based line where the last row started

    // Reads the rest of the device. Stops at the first error (check hasError()).
    QList<QStringList> readAll();

private:
    bool fillBuffer();
    bool peek(QChar* c);
    QString finishField(QString field) const;

    QIODevice* m_device;
    Options m_options;
    QStringDecoder m_decoder;
    QString m_buffer;
    qsizetype m_pos = 0;
    bool m_started = false;
    bool m_deviceDone = false;
    int m_line = 0;
    int m_nextLine = 1;
    QString m_error;
};

} // namespace trunkline::core
