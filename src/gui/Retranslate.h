#pragma once

#include <QEvent>

namespace trunkline::gui {

// Qt sends LanguageChange to every widget when the translator changes. A widget built from a Designer
// form then retranslates the form's texts first and after them, with `own`, the texts it sets in code
// (which the form's retranslateUi() would otherwise have reset). The caller still passes the event on
// to its base class.
template <typename Form, typename Widget, typename Own>
void retranslateOnLanguageChange(const QEvent* event, Form& form, Widget* widget, Own own) {
    if (event->type() != QEvent::LanguageChange)
        return;
    form.retranslateUi(widget);
    own();
}

// A widget built in code (no Designer form) sets all its texts in retranslate(): it calls it itself once
// its children exist, and this base calls it again on every LanguageChange before passing the event on.
template <typename Widget>
class Retranslating : public Widget {
public:
    using Widget::Widget;

protected:
    virtual void retranslate() = 0;

    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        Widget::changeEvent(event);
    }
};

} // namespace trunkline::gui
