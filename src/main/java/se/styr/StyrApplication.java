package se.styr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StyrApplication {

    public static void main(String[] args) {
        SpringApplication.run(StyrApplication.class, args);
    }
}
