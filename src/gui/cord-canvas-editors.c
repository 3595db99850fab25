/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordCanvas in-place editors: the connect tool (its port picker and the Automatic cable), the note editor and the rename entry. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cord-canvas-private.h"
#include "cord-error.h"

/* ---------------------------------------------------------------------- */
/* The port picker (connect tool)                                          */
/* ---------------------------------------------------------------------- */

/* A port's medium in a word, for the reasons the port list gives. */
static const char *
medium_word (CordMedium medium)
{
  switch (medium)
    {
    case CORD_MEDIUM_COPPER:   return _("copper");
    case CORD_MEDIUM_FIBER:    return _("fiber");
    case CORD_MEDIUM_SERIAL:   return _("serial");
    case CORD_MEDIUM_CONSOLE:  return _("console");
    case CORD_MEDIUM_ASYNC:    return _("async");
    case CORD_MEDIUM_WIRELESS: return _("wireless");
    default:
      g_return_val_if_reached ("?");
    }
}

/* What a chosen cable is made for; a console cable also takes async lines. */
static gboolean
cable_fits_port (CordCable       cable,
                 const CordPort *port,
                 CordMedium     *wanted)
{
  switch (cable)
    {
    case CORD_CABLE_STRAIGHT:
    case CORD_CABLE_CROSS:
      *wanted = CORD_MEDIUM_COPPER;
      break;
    case CORD_CABLE_FIBER:
      *wanted = CORD_MEDIUM_FIBER;
      break;
    case CORD_CABLE_SERIAL_DCE:
    case CORD_CABLE_SERIAL_DTE:
      *wanted = CORD_MEDIUM_SERIAL;
      break;
    case CORD_CABLE_CONSOLE:
      *wanted = CORD_MEDIUM_CONSOLE;
      return port->medium == CORD_MEDIUM_CONSOLE || port->medium == CORD_MEDIUM_ASYNC;
    case CORD_CABLE_AUTO:
    default:
      *wanted = port->medium;
      return port->medium != CORD_MEDIUM_WIRELESS;
    }
  return port->medium == *wanted;
}

/* Why @port cannot take the cable being made, in a few words for the list
 * and in full for its tooltip; NULL when it can. @from is the end already
 * picked, or NULL while picking the first. */
static char *
port_unfit_reason (CordCanvas     *self,
                   const CordPort *port,
                   const CordPort *from,
                   char          **tooltip)
{
  g_autoptr(GError) error = NULL;
  CordMedium wanted;
  CordCable resolved;

  *tooltip = NULL;
  if (port->link != NULL)
    {
      CordPort *peer = cord_link_get_peer (port->link, (CordPort *) port);

      /* TRANSLATORS: a taken port in the port list: "to PC0 FastEthernet0". */
      *tooltip = g_strdup_printf (_("In use: cabled to %s %s"), peer->device->name, peer->name);
      return g_strdup_printf (_("in use, to %s %s"), peer->device->name, peer->name);
    }
  if (port->medium == CORD_MEDIUM_WIRELESS)
    {
      *tooltip = g_strdup (_("A wireless port takes no cable"));
      return g_strdup (_("wireless, takes no cable"));
    }
  if (!cable_fits_port (self->cable, port, &wanted))
    {
      /* TRANSLATORS: why a port is disabled: "fiber — this cable is copper". */
      *tooltip = g_strdup_printf (_("This is %s and the %s cable needs %s; choose another cable"),
                                  cord_medium_describe (port->medium),
                                  cord_cable_label (self->cable),
                                  cord_medium_describe (wanted));
      return g_strdup_printf (_("%s — this cable is %s"),
                              medium_word (port->medium), medium_word (wanted));
    }
  if (from != NULL && port->device == from->device)
    {
      *tooltip = g_strdup (_("A cable joins two different devices"));
      return g_strdup (_("same device"));
    }
  if (from != NULL && !cord_cable_resolve (self->cable, from, port, &resolved, &error))
    {
      *tooltip = g_strdup (error->message);
      /* TRANSLATORS: a port that cannot take the other end: "does not pair with RS 232". */
      return g_strdup_printf (_("does not pair with %s"), from->name);
    }
  return NULL;
}

static void
finish_connect_tool (CordCanvas *self)
{
  if (!self->tool_sticky)
    cord_canvas_set_tool (self, CORD_CANVAS_TOOL_SELECT, NULL, CORD_CABLE_AUTO);
}

static void
port_chosen (CordCanvas *self,
             CordPort   *port)
{
  g_autoptr(GError) error = NULL;
  CordPort *from = self->connect_from;

  g_assert (CORD_IS_CANVAS (self) && port != NULL);

  if (from == NULL)
    {
      self->connect_from = port;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  self->connect_from = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (cord_topology_connect (self->topology, from, port, self->cable, &error) == NULL)
    _cord_canvas_emit_error (self, error);
  else
    finish_connect_tool (self);
}

static void
on_port_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       CordCanvas    *self)
{
  CordDevice *device = self->picking_device;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "port-index"));

  if (device == NULL || index >= device->ports->len || !gtk_widget_get_sensitive (GTK_WIDGET (row)))
    return;
  gtk_popover_popdown (GTK_POPOVER (self->port_popover));
  port_chosen (self, device->ports->pdata[index]);
}

static void
on_port_popover_closed (GtkPopover *popover,
                        CordCanvas *self)
{
  self->picking_device = NULL;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static GtkWidget *
port_row (CordCanvas     *self,
          CordPort       *port,
          const CordPort *from,
          gboolean       *usable)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *name = gtk_label_new (port->name);
  g_autofree char *tooltip = NULL;
  g_autofree char *reason = port_unfit_reason (self, port, from, &tooltip);
  GtkWidget *state = gtk_label_new (reason != NULL ? reason : _("free"));

  *usable = reason == NULL;
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), state);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_sensitive (row, *usable);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (row, tooltip);
  g_object_set_data (G_OBJECT (row), "port-index", GUINT_TO_POINTER (port->index));
  return row;
}

/* ---------------------------------------------------------------------- */
/* The Automatic cable: two clicks, no popups                              */
/* ---------------------------------------------------------------------- */

static CordPort *
first_free_port (CordDevice *device,
                 CordMedium  medium)
{
  for (guint i = 0; i < device->ports->len; i++)
    {
      CordPort *port = device->ports->pdata[i];

      if (port->link == NULL && port->medium == medium)
        return port;
    }
  return NULL;
}

static gboolean
has_free_cable_port (CordDevice *device)
{
  for (guint i = 0; i < device->ports->len; i++)
    {
      CordPort *port = device->ports->pdata[i];

      if (port->link == NULL && port->medium != CORD_MEDIUM_WIRELESS)
        return TRUE;
    }
  return FALSE;
}

/* Picks the first free pair of ports of @a and @b that fit each other.
 * Data ports come first, copper before fiber before serial, the way a
 * student means "connect these"; a console cable (a PC's RS 232 to a
 * Console port) only when no data pair fits. */
static gboolean
auto_pair (CordDevice  *a,
           CordDevice  *b,
           CordPort   **pa,
           CordPort   **pb)
{
  static const CordMedium data[] = { CORD_MEDIUM_COPPER, CORD_MEDIUM_FIBER, CORD_MEDIUM_SERIAL };
  CordCable resolved;

  for (guint m = 0; m < G_N_ELEMENTS (data); m++)
    {
      *pa = first_free_port (a, data[m]);
      *pb = first_free_port (b, data[m]);
      if (*pa != NULL && *pb != NULL &&
          cord_cable_resolve (CORD_CABLE_AUTO, *pa, *pb, &resolved, NULL))
        return TRUE;
    }
  for (guint i = 0; i < a->ports->len; i++)
    for (guint j = 0; j < b->ports->len; j++)
      {
        *pa = a->ports->pdata[i];
        *pb = b->ports->pdata[j];
        if ((*pa)->link == NULL && (*pb)->link == NULL &&
            ((*pa)->medium == CORD_MEDIUM_CONSOLE || (*pa)->medium == CORD_MEDIUM_ASYNC) &&
            ((*pb)->medium == CORD_MEDIUM_CONSOLE || (*pb)->medium == CORD_MEDIUM_ASYNC) &&
            cord_cable_resolve (CORD_CABLE_AUTO, *pa, *pb, &resolved, NULL))
          return TRUE;
      }
  *pa = *pb = NULL;
  return FALSE;
}

static void
emit_message (CordCanvas *self,
              CordError   code,
              char       *message)
{
  g_autoptr(GError) error = g_error_new_literal (CORD_ERROR, code, message);

  g_free (message);
  _cord_canvas_emit_error (self, error);
}

/* With the Automatic cable only connect_from's device counts: the ports
 * are chosen once both devices are known. */
static void
auto_connect_click (CordCanvas *self,
                    CordDevice *device)
{
  g_autoptr(GError) error = NULL;
  CordDevice *from;
  CordPort *pa, *pb;

  if (!has_free_cable_port (device))
    {
      emit_message (self, CORD_ERROR_BUSY, g_strdup_printf (_("Every port of %s is taken; remove a cable from it "
                                             "or add a module first"), device->name));
      return;
    }
  if (self->connect_from == NULL)
    {
      self->connect_from = device->ports->pdata[0];
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  from = self->connect_from->device;
  if (from == device)
    {
      emit_message (self, CORD_ERROR_INVALID, g_strdup_printf (_("A cable joins two devices; click another device "
                                             "to connect %s to, or press Esc"), device->name));
      return;
    }
  self->connect_from = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!auto_pair (from, device, &pa, &pb))
    {
      emit_message (self, CORD_ERROR_MEDIUM, g_strdup_printf (_("%s and %s have no free ports that fit each other; "
                                             "free a port, add a module, or choose a cable and "
                                             "pick the ports"), from->name, device->name));
      return;
    }
  if (cord_topology_connect (self->topology, pa, pb, CORD_CABLE_AUTO, &error) == NULL)
    _cord_canvas_emit_error (self, error);
  else
    finish_connect_tool (self);
}

/* The connect tool's click on @device: with a chosen cable, a list of its
 * ports; with the Automatic cable, no list (see auto_connect_click()). */
void
_cord_canvas_open_port_picker (CordCanvas *self,
                               CordDevice *device)
{
  GtkListBox *list = GTK_LIST_BOX (self->port_list);
  GtkWidget *child;
  g_autofree char *title = NULL;
  CordPort *from = self->connect_from;
  guint n_usable = 0, n_free = 0;
  graphene_rect_t r;
  double x0, y0, x1, y1;

  g_assert (CORD_IS_CANVAS (self) && device != NULL);

  if (self->cable == CORD_CABLE_AUTO)
    {
      auto_connect_click (self, device);
      return;
    }
  while ((child = gtk_widget_get_first_child (self->port_list)) != NULL)
    gtk_list_box_remove (list, child);
  for (guint i = 0; i < device->ports->len; i++)
    {
      CordPort *port = device->ports->pdata[i];
      gboolean usable;

      gtk_list_box_append (list, port_row (self, port, from, &usable));
      n_usable += usable;
      n_free += port->link == NULL;
    }
  if (n_usable > 0 && from != NULL)
    title = g_strdup_printf (_("Connect %s %s to a port of %s"), from->device->name, from->name,
                             device->name);
  else if (n_usable > 0)
    title = g_strdup_printf (_("Connect a port of %s"), device->name);
  else if (n_free == 0)
    title = g_strdup_printf (_("Every port of %s is taken"), device->name);
  else if (from != NULL)
    title = g_strdup_printf (_("No free port of %s fits %s %s"), device->name,
                             from->device->name, from->name);
  else
    title = g_strdup_printf (_("No free port of %s takes a %s cable"), device->name,
                             cord_cable_label (self->cable));
  gtk_label_set_text (GTK_LABEL (g_object_get_data (G_OBJECT (self->port_popover), "title")), title);
  self->picking_device = device;
  _cord_canvas_device_bounds (self, device, &r);
  _cord_canvas_model_to_widget (self, r.origin.x, r.origin.y, &x0, &y0);
  _cord_canvas_model_to_widget (self, r.origin.x + r.size.width, r.origin.y + r.size.height, &x1, &y1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->port_popover),
                               &(GdkRectangle) { (int) x0, (int) y0, (int) (x1 - x0), (int) (y1 - y0) });
  gtk_popover_popup (GTK_POPOVER (self->port_popover));
}

static GtkWidget *
build_port_popover (CordCanvas *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_margin_start (title, 8);
  gtk_widget_set_margin_top (title, 4);
  self->port_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->port_list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->port_list), TRUE);
  g_signal_connect (self->port_list, "row-activated", G_CALLBACK (on_port_row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->port_list);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data (G_OBJECT (popover), "title", title);
  g_signal_connect (popover, "closed", G_CALLBACK (on_port_popover_closed), self);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  return popover;
}

/* ---------------------------------------------------------------------- */
/* The note editor                                                         */
/* ---------------------------------------------------------------------- */

static void
finish_note_tool (CordCanvas *self)
{
  if (self->tool == CORD_CANVAS_TOOL_NOTE && !self->tool_sticky)
    cord_canvas_set_tool (self, CORD_CANVAS_TOOL_SELECT, NULL, CORD_CABLE_AUTO);
}

void
_cord_canvas_commit_note (CordCanvas *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  CordNote *note = self->editing_note;
  gboolean ok = TRUE;

  g_assert (CORD_IS_CANVAS (self));

  if (self->note_done)
    return;
  self->note_done = TRUE;
  self->editing_note = NULL;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strchomp (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (note != NULL && *text == '\0')
    ok = cord_topology_remove_note (self->topology, note, &error);
  else if (note != NULL && strcmp (text, note->text) != 0)
    ok = cord_topology_edit_note (self->topology, note, note->x, note->y, text, &error);
  else if (note == NULL && *text != '\0')
    {
      note = cord_topology_add_note (self->topology, self->note_x, self->note_y, text, &error);
      ok = note != NULL;
    }
  if (!ok)
    _cord_canvas_emit_error (self, error);
  if (_cord_canvas_popover_open (self->note_popover))
    gtk_popover_popdown (GTK_POPOVER (self->note_popover));
  finish_note_tool (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_note_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             CordCanvas            *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      self->note_done = TRUE;
      self->editing_note = NULL;
      gtk_popover_popdown (GTK_POPOVER (self->note_popover));
      finish_note_tool (self);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && !(state & GDK_SHIFT_MASK))
    {
      _cord_canvas_commit_note (self);
      return TRUE;
    }
  return FALSE;
}

static void
on_note_popover_closed (GtkPopover *popover,
                        CordCanvas *self)
{
  /* Clicking away keeps what was typed, like a sticky note. */
  _cord_canvas_commit_note (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
_cord_canvas_open_note_editor (CordCanvas *self,
                               CordNote   *note,
                               double      mx,
                               double      my)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view));
  double wx, wy;

  g_assert (CORD_IS_CANVAS (self));

  self->editing_note = note;
  self->note_x = note ? note->x : round (mx);
  self->note_y = note ? note->y : round (my);
  self->note_done = FALSE;
  gtk_text_buffer_set_text (buffer, note ? note->text : "", -1);
  _cord_canvas_model_to_widget (self, self->note_x, self->note_y, &wx, &wy);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->note_popover),
                               &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->note_popover));
  gtk_widget_grab_focus (self->note_view);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkWidget *
build_note_popover (CordCanvas *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *hint = gtk_label_new (_("Enter saves the note; Shift+Enter starts a new line"));
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->note_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->note_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->note_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->note_view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->note_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->note_view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note text"), -1);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_note_key), self);
  gtk_widget_add_controller (self->note_view, keys);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->note_view);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 34);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  g_signal_connect (popover, "closed", G_CALLBACK (on_note_popover_closed), self);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  return popover;
}

/* ---------------------------------------------------------------------- */
/* Renaming in place                                                       */
/* ---------------------------------------------------------------------- */

void
_cord_canvas_start_rename (CordCanvas *self,
                           CordDevice *device)
{
  g_assert (CORD_IS_CANVAS (self) && device != NULL);

  g_clear_handle_id (&self->rename_timeout, g_source_remove);
  self->renaming = device;
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), device->name);
  gtk_widget_set_visible (self->rename_entry, TRUE);
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
  _cord_canvas_view_changed (self);
}

static void
end_rename (CordCanvas *self)
{
  self->renaming = NULL;
  if (gtk_widget_has_focus (self->rename_entry) ||
      gtk_widget_get_focus_child (GTK_WIDGET (self)) == self->rename_entry)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_visible (self->rename_entry, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_cord_canvas_cancel_rename (CordCanvas *self)
{
  if (self->renaming != NULL)
    end_rename (self);
}

void
_cord_canvas_commit_rename (CordCanvas *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  CordDevice *device = self->renaming;

  g_assert (CORD_IS_CANVAS (self));

  if (device == NULL)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rename_entry))));
  end_rename (self);
  if (strcmp (name, device->name) != 0 &&
      !cord_topology_rename_device (self->topology, device, name, &error))
    _cord_canvas_emit_error (self, error);
}

static gboolean
on_rename_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               CordCanvas            *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  _cord_canvas_cancel_rename (self);
  return TRUE;
}

gboolean
_cord_canvas_rename_after_click (gpointer data)
{
  CordCanvas *self = data;

  self->rename_timeout = 0;
  if (self->press_name_device != NULL)
    _cord_canvas_start_rename (self, self->press_name_device);
  self->press_name_device = NULL;
  return G_SOURCE_REMOVE;
}

static GtkWidget *
build_rename_entry (CordCanvas *self)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_alignment (GTK_ENTRY (entry), 0.5);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Device name"), -1);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (_cord_canvas_commit_rename), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_rename_key), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (entry, keys);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (_cord_canvas_commit_rename), self);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_set_visible (entry, FALSE);
  gtk_widget_set_parent (entry, GTK_WIDGET (self));
  return entry;
}

/* ---------------------------------------------------------------------- */
/* Setup                                                                   */
/* ---------------------------------------------------------------------- */

void
_cord_canvas_editors_init (CordCanvas *self)
{
  g_assert (CORD_IS_CANVAS (self));

  self->port_popover = build_port_popover (self);
  self->note_popover = build_note_popover (self);
  self->rename_entry = build_rename_entry (self);
}
