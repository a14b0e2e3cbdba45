module org.pifpaf.cli { requires org.pifpaf.runtime; }
